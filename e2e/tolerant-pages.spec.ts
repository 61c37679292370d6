import type { Page } from "@playwright/test";
import { DRIFT, e2e, portalUrl } from "./support/env";
import { expect, signedInRequest, test } from "./support/fixtures";

/**
 * Every page on a Closient that has moved on (e2e/support/drifted-upstream.ts), in Chromium:
 * each readable row shows, a value the portal does not know is shown by its own name, and the
 * page says how many rows it could not read. No page is lost for one row.
 */
const drift = portalUrl(e2e.portalDriftPort);
const [first, second, third, fourth] = DRIFT.endpoints;

/** Opens `path` on the drifted portal; it must answer 200 and say how many rows it left out. */
async function openWithNote(page: Page, path: string, note: string) {
  const res = await page.goto(`${drift}${path}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: note })).toBeVisible();
}

test.beforeEach(async ({ context }) => {
  const api = await signedInRequest();
  const { cookies } = await api.storageState();
  await api.dispose();
  // One SESSION_SECRET for every portal of the suite: the cookie opens the drifted one too.
  await context.addCookies(cookies.map(({ name, value }) => ({ name, value, url: drift })));
});

test("the endpoint list shows every readable endpoint and says two rows could not be read", async ({
  page,
}) => {
  await openWithNote(page, "/webhooks", "2 rows that Closient sent could not be read");
  // The list itself: the Failing now summary above it names some of the same endpoints.
  const list = page.getByRole("table", { name: "Webhook endpoints" });
  for (const url of [
    "https://orders.example.com/hooks",
    "https://erp.example.com/closient",
    "https://staging.example.com/hooks",
  ]) {
    await expect(list.getByRole("link", { name: url, exact: true })).toBeVisible();
  }
  await expect(list.getByRole("link", { name: /very-long-path-segment/ })).toBeVisible();
  for (const description of ["Orders receiver", "ERP", "Staging"]) {
    await expect(list.getByText(description, { exact: true })).toBeVisible();
  }
  await expect(list.getByText("inventory.restocked").first()).toBeVisible();
});

test("each endpoint page opens, with nulls shown as empty and new event types by name", async ({ page }) => {
  for (const id of [first, second, third, fourth]) {
    const res = await page.goto(`${drift}/webhooks/${id}`);
    expect(res?.status(), id).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto(`${drift}/webhooks/${first}`);
  await expect(page.getByText("inventory.restocked").first()).toBeVisible();
  await page.goto(`${drift}/verify?endpoint=${first}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the delivery log and a delivery show a status the portal has never seen by its own name", async ({
  page,
}) => {
  await openWithNote(page, "/deliveries", "1 row that Closient sent could not be read");
  const rows = page.locator("[data-delivery]");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "retry_scheduled" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Dead letter" })).toHaveCount(1);

  const [delivery] = DRIFT.deliveries;
  const detail = await page.goto(`${drift}/deliveries/${delivery}?endpoint_id=${first}`);
  expect(detail?.status()).toBe(200);
  await expect(page.getByText("retry_scheduled").first()).toBeVisible();
  await expect(page.getByText(/a status this portal does not know yet/)).toBeVisible();
});
