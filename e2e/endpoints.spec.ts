import type { Locator, Page } from "@playwright/test";
import { e2e } from "./support/env";
import { expect, sandbox, signInWithSandbox, test, upstreamRequests } from "./support/fixtures";
import { seedEndpoint, revealedSecret, closeReveal } from "./support/seed";

/** Creates an endpoint straight on the sandbox (org A, the sandbox organization) for set-up. */
/** Presses Tab until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

test("create an endpoint, copy its secret once, and verify a ping with it", async ({
  page,
  context,
  receiver,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  await signInWithSandbox(page);
  await page.getByRole("link", { name: "Add endpoint" }).first().click();
  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByLabel("Description").fill("E2E receiver");
  await page.getByRole("checkbox", { name: /offer\.updated/ }).check();
  await page.getByRole("button", { name: "Create endpoint" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("only time the secret is shown");
  const shown = await revealedSecret(page);
  // Neither Escape nor a click outside dismisses it before the admin confirms.
  await page.keyboard.press("Escape");
  await page.mouse.click(5, 5);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Done" })).toBeDisabled();

  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);

  // From here on the secret must not appear anywhere the browser can see.
  const seen: string[] = [];
  page.on("response", (response) => {
    void response.text().then(
      (text) => seen.push(response.url() + "\n" + text),
      () => undefined,
    );
  });
  await closeReveal(page);
  await expect(page).toHaveURL(/\/webhooks\/[A-Za-z0-9]{22}$/);
  await expect(page.getByLabel("Masked signing secret")).toHaveText(`${copied.slice(0, 8)}...`);

  await page.getByRole("button", { name: "Send test ping" }).click();
  const result = page.getByTestId("ping-result");
  await expect(result).toContainText("Delivered");
  await expect(result).toContainText("200");
  const [ping] = await receiver.waitFor(1);
  expect(ping!.event.type).toBe("ping");
  expect(await receiver.verify(ping!, copied)).toMatchObject({ ok: true, matched: "v1" });

  await page.getByRole("link", { name: "Endpoints" }).first().click();
  const row = page.getByRole("row").filter({ hasText: receiver.url });
  await expect(row).toContainText(`${copied.slice(0, 8)}...`);
  await expect(row).toContainText("E2E receiver");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: receiver.url })).toBeVisible();

  expect(await page.content()).not.toContain(copied);
  expect(page.url()).not.toContain(copied);
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(storage).not.toContain(copied);
  expect(seen.length).toBeGreaterThan(0);
  for (const body of seen) expect(body).not.toContain(copied);
});

test("rotate: a ping verifies with the new secret as v1 and the old one as v1old", async ({
  page,
  receiver,
}) => {
  const endpoint = await seedEndpoint({ url: receiver.url, description: "Rotate me" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(/keeps working until \d{2}:\d{2} tomorrow/);
  await confirm.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await revealedSecret(page);
  expect(rotated).not.toBe(endpoint.signing_secret);
  await expect(page.getByRole("dialog")).toContainText("previous secret keeps working for 24 hours");
  await closeReveal(page);
  await expect(page.getByLabel("Masked signing secret")).toHaveText(`${rotated.slice(0, 8)}...`);

  await page.getByRole("button", { name: "Send test ping" }).click();
  await expect(page.getByTestId("ping-result")).toContainText("Delivered");
  const [ping] = await receiver.waitFor(1);
  expect(ping!.signature).toMatch(/,v1old=/);
  expect(await receiver.verify(ping!, rotated)).toMatchObject({ ok: true, matched: "v1" });
  expect(await receiver.verify(ping!, endpoint.signing_secret)).toMatchObject({ ok: true, matched: "v1old" });
});

test("pause: nothing arrives while paused; after resuming, events do", async ({ page, receiver }) => {
  const type = "pause.e2e_check";
  const endpoint = await seedEndpoint({ url: receiver.url, description: "Pause me", event_types: [type] });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  const toggle = page.getByRole("switch", { name: /Pause Pause me/ });
  await toggle.click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("new events are not queued for it and will not be delivered later");
  await expect(confirm).toContainText("Deliveries already queued");
  await confirm.getByRole("button", { name: "Pause endpoint" }).click();
  await expect(page.getByRole("switch", { name: /Resume Pause me/ })).not.toBeChecked();
  await expect(page.getByRole("main").getByText(/^\W*Paused$/)).toBeVisible();
  expect((await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body.is_active).toBe(false);

  const during = await sandbox.post("/_sandbox/events", { type, data: { n: 1 } });
  expect(during.body.delivery_ids).toEqual([]);

  await page.getByRole("switch", { name: /Resume Pause me/ }).click();
  await expect(page.getByRole("switch", { name: /Pause Pause me/ })).toBeChecked();
  await expect
    .poll(async () => (await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body.is_active)
    .toBe(true);
  const after = await sandbox.post("/_sandbox/events", { type, data: { n: 2 } });
  expect(after.body.delivery_ids).toHaveLength(1);
  const [webhook] = await receiver.waitFor(1);
  expect(webhook!.event.data).toEqual({ n: 2 });
  expect(receiver.received).toHaveLength(1);
});

test("a failed toggle rolls back and says so", async ({ page }) => {
  const endpoint = await seedEndpoint({ url: "https://rollback.example/hook", description: "Rollback" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  await page.route(`**/api/webhooks/endpoints/${endpoint.id}`, (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({
            error: {
              code: "UPSTREAM_UNAVAILABLE",
              message: "Closient could not be reached.",
              status: 503,
              details: null,
            },
          }),
        })
      : route.continue(),
  );
  await page.getByRole("switch", { name: /Pause Rollback/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Pause endpoint" }).click();
  await expect(
    page.getByText(/Could not pause the endpoint: Closient could not be reached\. It is still active\./),
  ).toBeVisible();
  await expect(page.getByRole("switch", { name: /Pause Rollback/ })).toBeChecked();
  expect((await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body.is_active).toBe(true);
});

test("two admins editing different metadata keys both keep their change", async ({ browser, baseURL }) => {
  const endpoint = await seedEndpoint({
    url: "https://metadata.example/hook",
    metadata: { team: "core", env: "staging" },
  });
  const [one, two] = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
  const [pageOne, pageTwo] = await Promise.all([one.newPage(), two.newPage()]);
  for (const page of [pageOne, pageTwo]) {
    await signInWithSandbox(page);
    await page.goto(`/webhooks/${endpoint.id}`);
    await page.getByRole("button", { name: "Edit settings" }).click();
    await expect(page.getByLabel("Metadata key 1")).toHaveValue("team");
  }
  await pageOne.getByLabel("Metadata value 1").fill("platform");
  await pageOne.getByRole("button", { name: "Save changes" }).click();
  await expect(pageOne.getByText("Changes saved")).toBeVisible();

  // The second admin's form still shows team=core; it changes env only.
  await pageTwo.getByLabel("Metadata value 2").fill("production");
  await pageTwo.getByRole("button", { name: "Save changes" }).click();
  await expect(pageTwo.getByText("Changes saved")).toBeVisible();

  const saved = (await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body;
  expect(saved.metadata).toEqual({ team: "platform", env: "production" });
  await Promise.all([one.close(), two.close()]);
});

test("settings read first, open in place with the keyboard, and close without losing focus", async ({
  page,
}) => {
  const url = `https://settings.example/${"a".repeat(300)}`;
  const endpoint = await seedEndpoint({ url, description: "Order sync", metadata: { team: "core" } });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  const settings = page.getByRole("region", { name: "Settings" });
  // The URL with its Copy (the heading cuts it at three lines), and no form until one is asked for.
  await expect(settings.getByText(url, { exact: true })).toBeVisible();
  await expect(settings.getByRole("button", { name: "Copy the URL" })).toBeVisible();
  await expect(settings.getByRole("list", { name: "Metadata" })).toHaveText("team=core");
  await expect(page.getByLabel("Endpoint URL")).toHaveCount(0);

  const edit = settings.getByRole("button", { name: "Edit settings" });
  await edit.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Endpoint URL")).toBeFocused();
  await page.getByLabel("Description").fill("Order sync, renamed");
  await settings.getByRole("button", { name: "Discard changes" }).click();
  await expect(edit).toBeFocused();
  await expect(settings.getByText("Order sync", { exact: true })).toBeVisible();
  expect((await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body.description).toBe("Order sync");

  await edit.click();
  await page.getByLabel("Description").fill("Order sync, renamed");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Changes saved")).toBeVisible();
  await expect(edit).toBeFocused();
  await expect(settings.getByText("Order sync, renamed", { exact: true })).toBeVisible();
  expect((await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body.description).toBe(
    "Order sync, renamed",
  );
});

test("removing a metadata row deletes only that key", async ({ page }) => {
  const endpoint = await seedEndpoint({
    url: "https://remove.example/hook",
    metadata: { keep: "1", drop: "2" },
  });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  await page.getByRole("button", { name: "Edit settings" }).click();
  await page.getByRole("button", { name: "Remove metadata row 2" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  expect((await sandbox.get(`webhooks/endpoints/${endpoint.id}/`)).body.metadata).toEqual({ keep: "1" });
});

test("each field says its rule before submit and its error after, and nothing bad is sent", async ({
  page,
}) => {
  await signInWithSandbox(page);
  await page.goto("/webhooks/new");
  await expect(page.getByText("The sandbox also accepts http:// URLs")).toBeVisible();
  await expect(page.getByText("Keys up to 40 characters, values up to 500")).toBeVisible();
  const before = await upstreamRequests();

  await page.getByRole("button", { name: "Create endpoint" }).click();
  await expect(page.getByText("Enter the URL that will receive the webhooks.")).toBeVisible();
  await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Endpoint URL").fill("ftp://files.example");
  await expect(page.getByText("The URL must start with https:// or http://.")).toBeVisible();
  await page.getByLabel("Endpoint URL").fill("not a url");
  await expect(page.getByText("Enter an absolute URL")).toBeVisible();

  await page.getByLabel("Description").fill("d".repeat(256));
  await expect(page.getByText("256 / 255")).toBeVisible();
  await expect(page.getByText("A description is at most 255 characters.")).toBeVisible();

  const search = page.getByLabel("Search or add an event type");
  await search.fill("Offer.Updated*");
  await page.getByRole("button", { name: /Add “/ }).click();
  await expect(page.getByText("Use lowercase dot-separated words")).toBeVisible();
  await search.fill("ping");
  await page.getByRole("button", { name: /Add “ping”/ }).click();
  await expect(page.getByText("`ping` is reserved for test pings")).toBeVisible();
  await search.fill("brand.updated");
  await search.press("Enter");
  await expect(page.getByRole("list", { name: "Subscribed event types" })).toContainText("brand.updated");

  await page.getByRole("button", { name: "Add metadata" }).click();
  await page.getByLabel("Metadata key 1").fill("k".repeat(41));
  await page.getByRole("button", { name: "Add metadata" }).click();
  await page.getByLabel("Metadata key 2").fill("same");
  await page.getByLabel("Metadata value 2").fill("x");
  await page.getByRole("button", { name: "Add metadata" }).click();
  await page.getByLabel("Metadata key 3").fill("same");
  await page.getByLabel("Metadata value 3").fill("v".repeat(501));
  await page.getByRole("button", { name: "Create endpoint" }).click();
  await expect(page.getByText("Keys are at most 40 characters.")).toBeVisible();
  await expect(page.getByText("Enter a value, or remove the row.")).toBeVisible();
  await expect(page.getByText("This key is already used above.")).toBeVisible();
  await expect(page.getByText("Values are at most 500 characters.")).toBeVisible();
  expect(await upstreamRequests()).toBe(before);
});

test("an upstream refusal lands on its field and keeps what was typed", async ({ page }) => {
  await signInWithSandbox(page);
  await page.goto("/webhooks/new");
  // 50 keys pass the form; the sandbox counts them after its merge and refuses the 51st on PATCH.
  // On create, a bad description from the upstream is simulated by routing: the form must show it.
  await page.route("**/api/webhooks/endpoints", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 422,
          contentType: "application/json",
          body: JSON.stringify({
            error: {
              code: "VALIDATION_ERROR",
              message: "The request failed validation.",
              status: 422,
              details: [{ field: "url", message: "This URL is already registered." }],
            },
          }),
        })
      : route.continue(),
  );
  await page.getByLabel("Endpoint URL").fill("https://taken.example/hook");
  await page.getByLabel("Description").fill("Keep me");
  await page.getByRole("button", { name: "Create endpoint" }).click();
  await expect(page.getByText("This URL is already registered.")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("Keep me");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("create an endpoint with the keyboard alone", async ({ page }) => {
  await signInWithSandbox(page);
  await page.goto("/webhooks/new");
  await tabTo(page, page.getByLabel("Endpoint URL"));
  await page.keyboard.type("https://keyboard.example/hook");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Made without a mouse");
  await tabTo(page, page.getByRole("checkbox", { name: /product\.recalled/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Create endpoint" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("checkbox", { name: /stored this secret/ }));
  await page.keyboard.press("Space");
  await tabTo(page, dialog.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "https://keyboard.example/hook" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Settings" }).getByText("Made without a mouse", { exact: true }),
  ).toBeVisible();
});

test("an unknown endpoint is a not-found page", async ({ page }) => {
  await signInWithSandbox(page);
  await page.goto("/webhooks/23456789ABCDEFGHJKLMNP");
  await expect(page.getByRole("heading", { name: "Endpoint not found" })).toBeVisible();
  await page.goto("/webhooks/not-an-id");
  await expect(page.getByRole("heading", { name: "Endpoint not found" })).toBeVisible();
});

test("an organization without endpoints sees the way to add one", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(e2e.keys.orgB);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "No webhook endpoints yet" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Add endpoint" }).last().click();
  await expect(page).toHaveURL(/\/webhooks\/new$/);
});

test("the list filters by metadata and pages through the URL", async ({ page }) => {
  const tag = `filter-${Date.now()}`;
  await seedEndpoint({ url: "https://filter-a.example/hook", metadata: { run: tag } });
  await seedEndpoint({ url: "https://filter-b.example/hook", metadata: { run: "other" } });
  await signInWithSandbox(page);
  await page.getByLabel("Metadata key").fill("run");
  await page.getByLabel("equals").fill(tag);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`metadata%5Brun%5D=${tag}`));
  await expect(page.getByRole("row").filter({ hasText: "filter-a.example" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "filter-b.example" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "filter-a.example" })).toBeVisible();
  await expect(page.getByText("1 in all")).toBeVisible();
});

test("when the browser refuses the clipboard, the secret is selected for copying by hand", async ({
  page,
}) => {
  // As in a browser or frame that denies clipboard-write.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
    });
  });
  await signInWithSandbox(page);
  await page.goto("/webhooks/new");
  await page.getByLabel("Endpoint URL").fill("https://no-clipboard.example/hook");
  await page.getByRole("button", { name: "Create endpoint" }).click();
  const dialog = page.getByRole("dialog");
  const shown = await revealedSecret(page);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByText("The browser did not allow copying")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Copied" })).toHaveCount(0);
  const selected = await page.evaluate(() => {
    const input = document.activeElement as HTMLInputElement;
    return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
  });
  expect(selected).toBe(shown);
  await closeReveal(page);
});
