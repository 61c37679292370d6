import type { Page } from "@playwright/test";
import type { WebhookReceiver } from "../harness/receiver";
import { e2e, portalUrl, RATE_LIMITED_ENDPOINT } from "./support/env";
import { expect, sandbox, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/**
 * The outage loop, end to end: a receiver that fails until it is fixed, dead letters named and
 * explained in the log, one replayed by hand, the rest in one action, each missed event sent
 * exactly once more, and a second run that sends nothing.
 */
const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>down`;

async function outage(receiver: WebhookReceiver, description: string, events: number) {
  const state = { healthy: false };
  receiver.respond = () => (state.healthy ? { status: 200, body: "fixed" } : { status: 500, body: HOSTILE });
  const type = `recovery.${description.toLowerCase().replace(/[^a-z]+/g, "_")}`;
  const endpoint = await seedEndpoint({ url: receiver.url, description, event_types: [type] });
  const eventIds: string[] = [];
  for (let i = 0; i < events; i++)
    eventIds.push((await sandbox.post("/_sandbox/events", { type, data: { i } })).body.event_id);
  await expect
    .poll(async () => {
      const rows = (await sandbox.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}&status=dead_letter`))
        .body;
      return rows.pagination.total_count;
    })
    .toBe(events);
  return { endpoint, eventIds, state, type };
}

/** How often each event reached the receiver while it was healthy. */
function healthyReceipts(receiver: WebhookReceiver, since: number) {
  const counts = new Map<string, number>();
  for (const webhook of receiver.received.slice(since))
    counts.set(webhook.event.id, (counts.get(webhook.event.id) ?? 0) + 1);
  return counts;
}

async function awayFromTheList(page: Page) {
  await page.mouse.move(0, 0);
}

test("recover from an outage: names, filters, detail, one replay, then all the rest exactly once", async ({
  page,
  receiver,
}) => {
  const tag = `orders ${Date.now().toString(36)}`;
  const { endpoint, eventIds, state } = await outage(receiver, `Receiver for ${tag}`, 3);
  await signInWithSandbox(page);
  await page.goto("/deliveries");

  // The log names the endpoint; the picker finds it by part of its description.
  await expect(page.getByRole("row").filter({ hasText: eventIds[0]! })).toContainText(`Receiver for ${tag}`);
  await page.getByLabel("Endpoint", { exact: true }).fill(tag.toUpperCase());
  await page.getByLabel("Status").selectOption("dead_letter");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`endpoint_id=${endpoint.id}`));
  await expect(page).toHaveURL(/status=dead_letter/);
  await page.reload();
  await expect(page.getByLabel("Endpoint", { exact: true })).toHaveValue(`Receiver for ${tag}`);
  await expect(page.getByRole("row").filter({ hasText: "Dead letter" })).toHaveCount(3);

  // The detail: what the status means, the receiver's answer as inert text, copyable ids.
  const first = page.getByRole("row").filter({ hasText: eventIds[0]! });
  await first.getByRole("link", { name: /Details of delivery/ }).click();
  await expect(
    page.getByText("Dead letter: all 8 attempts failed. Fix the receiver, then replay."),
  ).toBeVisible();
  await expect(page.getByTestId("response-body")).toHaveText(HOSTILE);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.getByRole("button", { name: "Copy event id" })).toBeVisible();

  // The receiver is fixed: one replayed from its detail.
  state.healthy = true;
  const before = receiver.received.length;
  await page.getByRole("button", { name: /Replay delivery/ }).dblclick();
  await expect(page.getByText("Replayed as a new delivery: delivered (HTTP 200)")).toBeVisible();
  await expect.poll(() => receiver.received.length).toBe(before + 1); // a double click replays once

  // The rest in one action: counted, confirmed, replayed, summarised; the replayed one skipped.
  await page.goto(`/deliveries?status=dead_letter&endpoint_id=${endpoint.id}`);
  await awayFromTheList(page);
  await page.getByRole("button", { name: "Replay all 3 dead letters" }).click();
  const panel = page.getByRole("region", { name: "Replay dead letters" });
  await expect(panel).toContainText(
    "3 dead letters match these filters. 1 of them was replayed already and will be skipped.",
  );
  await panel.getByRole("button", { name: "Replay 2 dead letters" }).click();
  await expect(panel.getByTestId("bulk-replay-summary")).toContainText("Replayed and delivered: 2");
  await expect(panel.getByTestId("bulk-replay-summary")).toContainText("1 × already replayed");
  const receipts = healthyReceipts(receiver, before);
  expect(Object.fromEntries(receipts)).toEqual(Object.fromEntries(eventIds.map((id) => [id, 1])));

  // On the activity log: the run's start and end, and each replay filed under the endpoint.
  const logged = async () =>
    (
      (await (await page.request.get(`/api/activity?endpoint=${endpoint.id}`)).json()) as {
        data: { action: string; details: Record<string, unknown> | null; outcome: string }[];
      }
    ).data;
  await expect
    .poll(async () => (await logged()).filter((e) => e.action === "delivery.replayed").length)
    .toBe(3);
  const run = (await (
    await page.request.get("/api/activity?action=bulk_replay.finished&limit=1")
  ).json()) as {
    data: { details: Record<string, unknown> }[];
  };
  expect(run.data[0]?.details).toMatchObject({ replayed: 2, failed: 0, skipped: 1, not_attempted: 0 });
  const replays = (await logged()).filter((e) => e.action === "delivery.replayed");
  expect(replays.filter((e) => e.details?.bulk_replay === run.data[0]?.details.run)).toHaveLength(2);
  expect(replays.every((e) => e.outcome === "succeeded" && e.details?.status === "delivered")).toBe(true);

  // Asking again sends nothing.
  const after = receiver.received.length;
  await page.reload();
  await awayFromTheList(page);
  await page.getByRole("button", { name: "Replay all 3 dead letters" }).click();
  await expect(panel).toContainText(
    "3 of them were replayed already and will be skipped. Nothing is left to replay.",
  );
  expect(receiver.received.length).toBe(after);
});

test("cancel a bulk replay midway, then resume: every event still arrives exactly once", async ({
  page,
  receiver,
}) => {
  const { endpoint, eventIds, state } = await outage(receiver, "Slow receiver", 12);
  state.healthy = true;
  receiver.delayMs = 800; // each replay waits for the receiver: time to cancel
  const before = receiver.received.length;
  await signInWithSandbox(page);
  await page.goto(`/deliveries?endpoint_id=${endpoint.id}`);
  await awayFromTheList(page);
  await page.getByRole("button", { name: "Replay all 12 dead letters" }).click();
  const panel = page.getByRole("region", { name: "Replay dead letters" });
  await panel.getByRole("button", { name: "Replay 12 dead letters" }).click();
  // The progress is announced: it is in a polite live region.
  await expect(panel.locator('[aria-live="polite"]').getByText(/Replayed [4-7] of 12/)).toBeVisible();
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel.getByTestId("bulk-replay-summary")).toContainText("Cancelled");
  await panel.getByRole("button", { name: /Resume/ }).click();
  await expect(panel).toContainText("were replayed already and will be skipped");
  await panel.getByRole("button", { name: /Replay \d+ dead letter/ }).click();
  await expect(panel.getByTestId("bulk-replay-summary")).toContainText("Done.");
  await expect.poll(() => receiver.received.length - before).toBe(12);
  expect(Object.fromEntries(healthyReceipts(receiver, before))).toEqual(
    Object.fromEntries(eventIds.map((id) => [id, 1])),
  );
});

test("the log refreshes itself: a pending delivery turns delivered without a reload", async ({
  page,
  receiver,
}) => {
  const type = "recovery.auto_refresh";
  receiver.delayMs = 4_000;
  const endpoint = await seedEndpoint({
    url: receiver.url,
    description: "Slow answer",
    event_types: [type],
  });
  await signInWithSandbox(page);
  const { event_id } = (await sandbox.post("/_sandbox/events", { type, data: {} })).body;
  await page.goto(`/deliveries?endpoint_id=${endpoint.id}`);
  await awayFromTheList(page);
  const row = page.getByRole("row").filter({ hasText: event_id });
  await expect(row).toContainText("Pending");
  await expect(page.getByRole("switch", { name: "Auto-refresh" })).toBeChecked();
  await expect(row).toContainText("Delivered", { timeout: 15_000 });
});

test("bad filter values are dropped with a notice, and an empty result names its filters", async ({
  page,
}) => {
  await signInWithSandbox(page);
  await page.goto("/deliveries?status=lost&since=2w&event_type=nothing.matches_this");
  const notice = page.getByRole("status").filter({ hasText: "Left out of the filters" });
  await expect(notice).toContainText("status");
  await expect(notice).toContainText("time");
  await expect(page.getByRole("heading", { name: "No delivery matches these filters" })).toBeVisible();
  await page.getByRole("link", { name: /event type: nothing\.matches_this/ }).click();
  await expect(page).not.toHaveURL(/event_type=/);
});

test("endpoint health: the last day counted as the sandbox holds it, and a Failing badge that appears and clears", async ({
  page,
  receiver,
}) => {
  test.setTimeout(75_000); // the badge's query is kept 15 s: it may take that long to appear, then to clear
  const tag = `health ${Date.now().toString(36)}`;
  const { endpoint, state } = await outage(receiver, `Receiver for ${tag}`, 2);
  await signInWithSandbox(page);

  // The list marks it (the badge comes from one organization-wide query, kept 15 s).
  const row = page.getByRole("row").filter({ hasText: `Receiver for ${tag}` });
  const failingBadges = async () => {
    await page.goto("/webhooks");
    return row.getByRole("link", { name: /Failing/ }).count();
  };
  await expect.poll(failingBadges, { timeout: 25_000, intervals: [1_000, 3_000] }).toBe(1);

  // The endpoint page counts its day by status, as the sandbox holds it.
  const all = (await sandbox.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}`)).body.data as {
    status: string;
  }[];
  const count = (status: string) => all.filter((d) => d.status === status).length;
  await page.goto(`/webhooks/${endpoint.id}`);
  const chart = page.getByRole("img", { name: /Pending: \d+, Delivered/ });
  await expect(chart).toHaveAccessibleName(
    `Pending: ${count("pending")}, Delivered: ${count("delivered")}, Failed: ${count("failed")}, Rate limited: ${count("rate_limited")}, Dead letter: ${count("dead_letter")}`,
  );
  expect(count("dead_letter")).toBe(2);
  await expect(page.getByRole("list", { name: "Latest failures" }).getByRole("listitem")).toHaveCount(2);
  // Nothing got through yet, and it has failed since its first delivery.
  const endpointState = page.getByTestId("endpoint-state");
  await expect(endpointState).toContainText("Last delivery that got throughNone yet");
  await expect(endpointState).toContainText(/Failing since(just now|\d+ (seconds?|minutes?) ago)/);

  // Fixed and replayed: the badge clears.
  state.healthy = true;
  for (const dead of all)
    await sandbox.post(`webhooks/deliveries/${(dead as unknown as { id: string }).id}/replay/`);
  await expect.poll(failingBadges, { timeout: 25_000, intervals: [1_000, 3_000] }).toBe(0);
});

test("a bulk replay under Closient's rate limit waits its turn and finishes without an error", async ({
  page,
}) => {
  // The stub Closient answers every other replay with 429 and Retry-After: 1 (e2e/support/stub-upstream.ts).
  await signInWithSandbox(page); // the cookie opens the portal that runs on the stub too
  const stubPortal = portalUrl(e2e.portalStubPort);
  await page.goto(`${stubPortal}/deliveries?endpoint_id=${RATE_LIMITED_ENDPOINT}`);
  await awayFromTheList(page);
  await page.getByRole("button", { name: "Replay all 6 dead letters" }).click();
  const panel = page.getByRole("region", { name: "Replay dead letters" });
  await panel.getByRole("button", { name: "Replay 6 dead letters" }).click();
  await expect(panel.getByTestId("bulk-replay-summary")).toContainText("Done.", { timeout: 30_000 });
  await expect(panel.getByTestId("bulk-replay-summary")).toContainText("Replayed and delivered: 6");
  const replays = (await (await fetch(`http://127.0.0.1:${e2e.stubPort}/_stub/replays`)).json()) as Record<
    string,
    number
  >;
  expect(Object.values(replays)).toEqual([1, 1, 1, 1, 1, 1]); // each once: a 429 is no send
});

test("a session that ends during a replay, a bulk replay or an export leads to sign-in and back", async ({
  page,
  receiver,
}) => {
  const { endpoint, eventIds } = await outage(receiver, "Expiring session", 2);
  const log = `/deliveries?endpoint_id=${endpoint.id}`;
  const signInAgain = async () => {
    await expect(page).toHaveURL(/\/sign-in\?.*next=/);
    await expect(page.getByText("Your session ended. Sign in again to continue.")).toBeVisible();
    await page.getByRole("button", { name: "Use the sandbox organization" }).click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === log);
  };
  await signInWithSandbox(page);
  await page.goto(log);
  await awayFromTheList(page);

  // One replay: the session ends while the page is open.
  await page.context().clearCookies();
  const row = page.getByRole("row").filter({ hasText: eventIds[0]! });
  await row.getByRole("button", { name: /Replay delivery/ }).click();
  await signInAgain();

  // The bulk replay: counted while signed in, then the session ends before it runs.
  await awayFromTheList(page);
  await page.getByRole("button", { name: "Replay all 2 dead letters" }).click();
  const panel = page.getByRole("region", { name: "Replay dead letters" });
  await expect(panel).toContainText("2 dead letters match these filters.");
  await page.context().clearCookies();
  await panel.getByRole("button", { name: "Replay 2 dead letters" }).click();
  await signInAgain();

  // Its count, when the session ended before the panel opened.
  await awayFromTheList(page);
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Replay all 2 dead letters" }).click();
  await signInAgain();

  // The export.
  await awayFromTheList(page);
  await page.getByRole("button", { name: "Export…" }).click();
  await page.context().clearCookies();
  await page
    .getByRole("region", { name: "Export the log" })
    .getByRole("button", { name: "Export CSV" })
    .click();
  await signInAgain();

  // Nothing was sent while signed out: both dead letters are still there, none replayed.
  const rows = (await sandbox.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}`)).body;
  expect(rows.pagination.total_count).toBe(2);
});
