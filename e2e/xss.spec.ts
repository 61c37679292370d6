import { deadLetters, expect, sandbox, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/**
 * Stored XSS: whatever an admin or a receiver stored (descriptions, metadata keys and values, a
 * URL's path, a receiver's answer) is shown as inert text on every page that shows it. Event
 * types cannot carry markup: the contract's pattern refuses it (e2e/api/bad-input.spec.ts).
 */
const SCRIPT = `<script>window.__xss=1</script>`;
const IMG = `"><img src=x onerror="window.__xss=1">`;
const LINK = `javascript:window.__xss=1`;

test("stored script, attribute breakouts and javascript: links render as inert text everywhere", async ({
  page,
  receiver,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  receiver.respond = () => ({ status: 500, body: `${SCRIPT}${IMG}` });
  const description = `XSS ${SCRIPT} ${IMG} ${LINK}`;
  const endpoint = await seedEndpoint({
    url: `${receiver.url}?q="><script>window.__xss=1</script>`,
    description,
    event_types: ["xss.check"],
    metadata: { [`<img src=x onerror=alert(1)>`]: LINK, owner: `${IMG}${SCRIPT}` },
  });
  expect(endpoint.id).toBeTruthy();
  await sandbox.post("/_sandbox/events", { type: "xss.check", data: { note: SCRIPT } });
  const [delivery] = await deadLetters(endpoint.id);

  await signInWithSandbox(page);
  const pages = [
    { path: "/webhooks", text: description },
    { path: `/webhooks/${endpoint.id}`, text: LINK },
    { path: `/deliveries?endpoint_id=${endpoint.id}`, text: description },
    { path: `/deliveries/${delivery!.id}?endpoint_id=${endpoint.id}`, text: `${SCRIPT}${IMG}` },
  ];
  for (const { path, text } of pages) {
    await page.goto(path);
    await expect(page.getByText(text, { exact: false }).first(), path).toBeVisible();
    expect(
      await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
        links: document.querySelectorAll('a[href^="javascript:" i]').length,
        injected: document.querySelectorAll('img[src="x"], main script').length,
      })),
      path,
    ).toEqual({ xss: null, links: 0, injected: 0 });
  }
  // The settings show the stored values as text, and their form as field values, both inert.
  await page.goto(`/webhooks/${endpoint.id}`);
  const settings = page.getByRole("region", { name: "Settings" });
  await expect(settings.getByText(description, { exact: true })).toBeVisible();
  await settings.getByRole("button", { name: "Edit settings" }).click();
  await expect(page.getByLabel("Description")).toHaveValue(description);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
});
