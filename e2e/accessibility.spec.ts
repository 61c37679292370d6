import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, sandbox, signInWithSandbox, test } from "./support/fixtures";

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; every violation is listed. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

test("the sign-in page has no WCAG A/AA violations", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await violations(page)).toEqual([]);
});

test("the portal's pages and dialogs have no WCAG A/AA violations", async ({ page }) => {
  const endpoint = (
    await sandbox.post("webhooks/endpoints/", {
      url: "https://a11y.example/hook",
      description: "Accessibility",
      event_types: ["offer.updated", "product.recalled", "product.updated", "retailer.created"],
      metadata: { team: "a11y" },
    })
  ).body;
  await signInWithSandbox(page);
  expect(await violations(page), "/webhooks").toEqual([]);

  await page.goto("/webhooks/new");
  await page.getByRole("button", { name: "Create endpoint" }).click();
  await expect(page.getByText("Enter the URL that will receive the webhooks.")).toBeVisible();
  expect(await violations(page), "/webhooks/new with errors").toEqual([]);

  await page.goto(`/webhooks/${endpoint.id}`);
  expect(await violations(page), "/webhooks/{id}").toEqual([]);
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  expect(await violations(page), "rotate confirmation").toEqual([]);
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await violations(page), "secret dialog").toEqual([]);
  await page
    .getByRole("dialog")
    .getByRole("checkbox", { name: /stored this secret/ })
    .check();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();

  await page.goto("/deliveries");
  expect(await violations(page), "/deliveries").toEqual([]);
});
