import { PHONE } from "../harness/phone";
import { e2e, TEAM } from "./support/env";
import { expect, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/*
 * Team access as its people use it: an admin stores the key and makes an on-call link on the
 * access page; the on-call engineer opens it on a 375 px phone, lands on the endpoints, pauses one,
 * and finds what they may not do disabled, with why; the link does not open twice; the admin
 * revokes it, and the engineer's next click leads to sign-in.
 */

test("an on-call link, made by an admin, opened on a phone, used, revoked", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const endpoint = await seedEndpoint(
    { url: "https://oncall.example/hook", description: `On-call check ${Date.now().toString(36)}` },
    e2e.keys.teamD,
  );
  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(e2e.keys.alice);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access" }).click();
  const key = page.getByRole("region", { name: "The organization's key" });
  await expect(key.getByRole("button", { name: /Store my key|Erase the key/ })).toBeVisible();
  if (await key.getByRole("button", { name: "Store my key" }).isVisible())
    await key.getByRole("button", { name: "Store my key" }).click();
  await expect(key.getByRole("button", { name: "Erase the key" })).toBeVisible();
  expect(await page.content()).not.toContain(e2e.keys.alice);

  // Keyboard only: the name, the role, the lifetime, then Make a link.
  await page.getByLabel("For").fill("Omar on call");
  await page.getByLabel("For").press("Tab");
  await page.keyboard.press("ArrowUp"); // the checked role (On call) has focus: up to Viewer, and back
  await expect(page.getByRole("radio", { name: /Viewer/ })).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /On call/ })).toBeChecked();
  await page.getByRole("button", { name: "Make a link" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  const url = await dialog.getByRole("textbox", { name: "Access link" }).inputValue();
  expect(url).toMatch(/\/join#[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("list", { name: "Grants" })).toContainText("Omar on call");

  // The engineer's phone.
  const phone = await browser.newContext({ ...PHONE });
  const mobile = await phone.newPage();
  await mobile.goto(url);
  await expect(mobile).toHaveURL(/\/webhooks$/);
  await expect(mobile.getByTestId("access-banner")).toContainText("on call");
  expect(mobile.url()).not.toContain("#");
  await mobile.goto(`/webhooks/${endpoint.id}`);
  await expect(mobile.getByRole("button", { name: "Edit settings" })).toBeDisabled();
  await expect(mobile.getByRole("button", { name: "Rotate secret" })).toBeDisabled();
  await expect(
    mobile.getByText(/Your on-call access can pause, resume, test and replay/).first(),
  ).toBeVisible();
  await mobile.getByRole("switch").tap();
  await mobile.getByRole("alertdialog").getByRole("button", { name: "Pause endpoint" }).tap();
  await expect(mobile.getByRole("switch", { name: /^Resume/ })).toBeVisible();

  // The same link again, in another browser: it opened once.
  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(url);
  await expect(again.getByRole("alert").filter({ hasText: "cannot be used" })).toContainText("used already");
  await other.close();

  // The admin sees who paused it, and revokes the access.
  await page.goto(`/activity?endpoint=${endpoint.id}`);
  await expect(page.getByText(`Omar on call (on call, invited by ${TEAM.alice}) paused`)).toBeVisible();
  await page.goto("/access");
  await page.getByRole("button", { name: "Revoke Omar on call's access" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke access" }).click();
  await expect(page.getByRole("list", { name: "Grants" }).getByText("Revoked").first()).toBeVisible();

  // The engineer's next click: signed out.
  await mobile.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deliveries" }).tap();
  await expect(mobile).toHaveURL(/\/sign-in/);
  await phone.close();

  // Leave the organization as it was: the key erased, its links revoked.
  await page.getByRole("button", { name: "Erase the key" }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: "Erase the key and revoke every link" })
    .click();
  await expect(page.getByRole("button", { name: "Store my key" })).toBeVisible();
});
