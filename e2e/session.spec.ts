import { seal } from "../lib/server/session-seal";
import { e2e } from "./support/env";
import { expect, sandbox, signInWithSandbox, test, upstreamRequests } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

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

test("a link opened signed out lands on its page, query included, after sign-in", async ({ page }) => {
  const endpoint = await seedEndpoint({ url: "https://return.example/hook", event_types: ["offer.updated"] });
  await sandbox.post(`webhooks/endpoints/${endpoint.id}/test/`);
  const [delivery] = (await sandbox.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}`)).body.data as {
    id: string;
    created_at: string;
  }[];
  // The link as a row of the log makes it (detailHref): the delivery's id, endpoint and time.
  const link = `/deliveries/${delivery!.id}?endpoint_id=${endpoint.id}&at=${encodeURIComponent(delivery!.created_at)}`;
  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("API key").fill(e2e.keys.orgA);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "ping" })).toBeVisible();
  const landed = new URL(page.url());
  expect(`${landed.pathname}${landed.search}`).toBe(link);

  // A session that ends under a filtered log comes back to the same filters.
  await page.context().clearCookies();
  await page.goto("/deliveries?status=dead_letter");
  await page.getByRole("button", { name: "Use the sandbox organization" }).click();
  await expect(page).toHaveURL(/\/deliveries\?status=dead_letter$/);
});

test("a next= that leads off the portal is refused: sign-in ends on the endpoints", async ({ page }) => {
  for (const next of [
    "//evil.example/webhooks",
    "https://evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByRole("button", { name: "Use the sandbox organization" }).click();
    await expect(page, next).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/);
  }
  // Signed in already, the page sends the admin on at once: to a safe path only.
  await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example")}`);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/);
  await page.goto(`/sign-in?next=${encodeURIComponent("/verify?endpoint=x")}`);
  await expect(page).toHaveURL(/\/verify\?endpoint=x$/);
});
