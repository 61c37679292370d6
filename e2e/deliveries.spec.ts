import { expect, sandbox, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

test("a dead letter is replayed from the log once the receiver is fixed", async ({ page, receiver }) => {
  let healthy = false;
  receiver.respond = () => (healthy ? { status: 200, body: "fixed" } : { status: 500, body: "down" });
  const type = "replay.e2e_check";
  const endpoint = await seedEndpoint({ url: receiver.url, event_types: [type] });
  const emitted = (await sandbox.post("/_sandbox/events", { type, data: { order: 42 } })).body;
  await expect
    .poll(
      async () => (await sandbox.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}`)).body.data[0]?.status,
    )
    .toBe("dead_letter");
  expect(receiver.received).toHaveLength(8);

  await signInWithSandbox(page);
  await page.getByRole("link", { name: "Deliveries" }).click();
  await page.getByLabel("Status").selectOption("dead_letter");
  await page.getByLabel("Endpoint", { exact: true }).fill(endpoint.id);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=dead_letter/);
  const row = page.getByRole("row").filter({ hasText: emitted.event_id });
  await expect(row).toContainText("Dead letter");
  await expect(row).toContainText("8");

  healthy = true;
  await row.getByRole("button", { name: /Replay delivery/ }).click();
  await expect(page.getByText("Replayed as a new delivery: delivered (HTTP 200)")).toBeVisible();
  await receiver.waitFor(9);
  expect(receiver.received[8]!.event.id).toBe(emitted.event_id);

  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
  await page.getByLabel("Endpoint", { exact: true }).fill(endpoint.id);
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByRole("row").filter({ hasText: emitted.event_id });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Delivered");
  await expect(rows.last()).toContainText("Dead letter");
});

test("a test ping links to its delivery in the log", async ({ page, receiver }) => {
  const endpoint = await seedEndpoint({ url: receiver.url, description: "Ping link" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  await page.getByRole("button", { name: "Send test ping" }).click();
  await page.getByRole("link", { name: /See this delivery/ }).click();
  await expect(page).toHaveURL(new RegExp(`/deliveries\\?endpoint_id=${endpoint.id}`));
  await expect(page.getByRole("row").filter({ hasText: "ping" })).toContainText("Delivered");
});
