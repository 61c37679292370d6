import { seal } from "../lib/server/session-seal";
import { e2e } from "./support/env";
import { expect, signInWithSandbox, test, upstreamRequests } from "./support/fixtures";

test("signs in with a pasted key and out again", async ({ page }) => {
  await page.goto("/webhooks");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("API key").fill(e2e.keys.orgA);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Sandbox organization");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/webhooks");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a signed-in admin who opens the sign-in page goes to the endpoints", async ({ page }) => {
  await signInWithSandbox(page);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/webhooks$/);
});

test("says why a malformed key is refused, without asking Closient", async ({ page }) => {
  await page.goto("/sign-in");
  const before = await upstreamRequests();
  await page.getByLabel("API key").fill("csb_copied_only_half");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a valid Closient key" })).toBeVisible();
  await expect(page.getByLabel("API key")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("API key").fill("cpk_" + e2e.keys.orgA.slice(4));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "publishable keys cannot manage webhooks" }),
  ).toBeVisible();
  expect(await upstreamRequests()).toBe(before);
});

test("says when Closient does not know the key", async ({ page }) => {
  await page.goto("/sign-in");
  const body = "Q".repeat(32);
  const { crc32Hex } = await import("../lib/closient/api-key");
  await page.getByLabel("API key").fill(`csb_${body}_${crc32Hex(body)}`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Closient did not accept this key" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a tampered cookie sends the admin back to sign in", async ({ page, context }) => {
  await signInWithSandbox(page);
  const [cookie] = (await context.cookies()).filter((c) => c.name === "closient_portal");
  expect(cookie).toBeDefined();
  // The last characters are the seal's authentication tag.
  await context.addCookies([{ ...cookie!, value: cookie!.value.replace(/.{6}$/, "AAAAAA") }]);
  await page.goto("/webhooks");
  await expect(page).toHaveURL(/\/sign-in$/);
});

/** A session cookie sealed with the portal's own secret, as if made `ageMs` ago with an hour to live. */
function sealSession(ageMs: number) {
  return seal(
    { key: e2e.keys.orgA, org: { id: "x", name: "Sandbox organization" }, desc: "", role: "" },
    e2e.sessionSecret,
    { maxAgeSeconds: 3600, now: new Date(Date.now() - ageMs) },
  );
}

test("an expired cookie sends the admin back to sign in", async ({ page, context, baseURL }) => {
  await context.addCookies([
    { name: "closient_portal", value: await sealSession(2 * 3600_000), url: baseURL! },
  ]);
  await page.goto("/webhooks");
  await expect(page).toHaveURL(/\/sign-in$/);
  // The same seal made now opens: the redirect above is for the expiry, not the format.
  await context.addCookies([{ name: "closient_portal", value: await sealSession(0), url: baseURL! }]);
  await page.goto("/webhooks");
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
});
