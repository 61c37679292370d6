import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signatureHeader } from "../lib/closient/signature";
import { e2e, portalUrl } from "./support/env";
import { deadLetters, expect, sandbox, signInWithSandbox, test } from "./support/fixtures";
import { PHONE } from "../harness/phone";
import { seedEndpoint } from "./support/seed";

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; every violation is listed. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

/**
 * Every page and dialog, in the light and the dark theme (chosen by the switch's cookie), on a
 * desktop and on a phone (375 px, touch), where tables are cards and the header is two lines.
 */
for (const [size, device] of [
  ["desktop", {}],
  ["phone", PHONE],
] as const)
  for (const theme of ["light", "dark"] as const) {
    test.describe(`the ${theme} theme on a ${size}`, () => {
      test.use(device);
      test.beforeEach(async ({ context }) => {
        await context.addCookies([{ name: "theme", value: theme, url: portalUrl() }]);
      });

      test("the sign-in page has no WCAG A/AA violations", async ({ page }) => {
        await page.goto("/sign-in");
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        expect(await violations(page)).toEqual([]);
      });

      test("the portal's pages and dialogs have no WCAG A/AA violations", async ({ page }) => {
        test.setTimeout(60_000);
        const endpoint = await seedEndpoint({
          url: "https://a11y.example/hook",
          description: "Accessibility",
          event_types: ["offer.updated", "product.recalled", "product.updated", "retailer.created"],
          metadata: { team: "a11y" },
        });
        const ping = (await sandbox.post(`webhooks/endpoints/${endpoint.id}/test/`)).body;
        // A receiver that is never there: its delivery is a dead letter within a second.
        const gone = await seedEndpoint({
          url: `http://127.0.0.1:${e2e.closedPort}/hook`,
          description: "Gone",
          event_types: [`a11y.${theme}.${size}`],
        });
        await sandbox.post("/_sandbox/events", { type: `a11y.${theme}.${size}`, data: {} });
        await deadLetters(gone.id);

        await signInWithSandbox(page);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        expect(await violations(page), "/webhooks").toEqual([]);

        await page.goto("/webhooks/new");
        await page.getByRole("button", { name: "Create endpoint" }).click();
        await expect(page.getByText("Enter the URL that will receive the webhooks.")).toBeVisible();
        expect(await violations(page), "/webhooks/new with errors").toEqual([]);

        await page.goto(`/webhooks/${endpoint.id}`);
        await page
          .getByRole("region", { name: "Verifying signatures" })
          .getByText("Go", { exact: true })
          .click();
        expect(await violations(page), "/webhooks/{id}, a recipe open").toEqual([]);
        await page.getByRole("button", { name: "Edit settings" }).click();
        await expect(page.getByLabel("Endpoint URL")).toBeFocused();
        expect(await violations(page), "/webhooks/{id}, its settings open").toEqual([]);
        await page.getByRole("switch").click();
        await expect(page.getByRole("alertdialog")).toBeVisible();
        expect(await violations(page), "pause confirmation").toEqual([]);
        await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
        await page.getByRole("button", { name: "Rotate secret" }).click();
        await expect(page.getByRole("alertdialog")).toBeVisible();
        expect(await violations(page), "rotate confirmation").toEqual([]);
        await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
        const dialog = page.getByRole("dialog");
        await expect(dialog).toBeVisible();
        await dialog.getByText("How your receiver verifies a webhook").click();
        await dialog.getByText("PHP", { exact: true }).click();
        expect(await violations(page), "secret dialog, a recipe open").toEqual([]);
        await dialog.getByRole("checkbox", { name: /stored this secret/ }).check();
        await dialog.getByRole("button", { name: "Done" }).click();

        await page.goto("/deliveries");
        expect(await violations(page), "/deliveries").toEqual([]);
        await page.goto(`/deliveries?status=dead_letter&endpoint_id=${gone.id}`);
        await page.getByRole("button", { name: "Replay all 1 dead letter" }).click();
        await expect(page.getByRole("region", { name: "Replay dead letters" })).toContainText(
          "will be sent again",
        );
        expect(await violations(page), "/deliveries, bulk replay").toEqual([]);
        await page.goto(`/deliveries/${ping.delivery_id}?endpoint_id=${endpoint.id}`);
        expect(await violations(page), "/deliveries/{id}").toEqual([]);

        await page.goto(`/verify?endpoint=${endpoint.id}`);
        expect(await violations(page), "/verify").toEqual([]);
        await page.getByLabel("Raw body").fill("{}");
        await page.getByLabel("X-Closient-Signature header").fill(`t=1,v1=${"a".repeat(64)}`);
        await page.getByLabel("Signing secret").fill("b".repeat(64));
        await page.getByRole("button", { name: "Check signature" }).click();
        await expect(page.getByRole("heading", { name: /Refused/ })).toBeVisible();
        expect(await violations(page), "/verify, refused").toEqual([]);
        await page.getByLabel("The signature's own time, for an old capture").check();
        const valid = await signatureHeader({ secret: "b".repeat(64), timestamp: 1, body: "{}" });
        await page.getByLabel("X-Closient-Signature header").fill(valid);
        await expect(page.getByRole("heading", { name: /Valid/ })).toBeVisible();
        await page.getByText("Compare with the body that was sent (optional)").click();
        expect(await violations(page), "/verify, valid, details open").toEqual([]);

        await page.goto("/activity");
        await page
          .getByText(/^What changed|^Details$/)
          .first()
          .click();
        expect(await violations(page), "/activity, an entry open").toEqual([]);

        await page.goto("/alerts");
        await page.getByText("Or use another key").click();
        expect(await violations(page), "/alerts, another key open").toEqual([]);
        await page.goto("/access");
        await page.getByText("Or use another key").click();
        expect(await violations(page), "/access, another key open").toEqual([]);

        await page.goto("/join#not-a-token");
        await expect(page.getByRole("alert").filter({ hasText: "cannot be used" })).toContainText(
          "not valid",
        );
        expect(await violations(page), "/join, a bad link").toEqual([]);
      });
    });
  }
