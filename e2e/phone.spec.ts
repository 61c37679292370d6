import type { Page } from "@playwright/test";
import { allDeliveries, seedOutage, type Outage } from "../harness/seed-outage";
import { sandboxClient } from "../harness/sandbox-client";
import { builtPageRoutes } from "../harness/page-weight";
import { e2e, sandboxUrl } from "./support/env";
import { expect, test } from "./support/fixtures";
import { PHONE } from "../harness/phone";
import { shortPrimaryActions, smallTargets, tap, wideElements } from "./support/phone";

/**
 * The on-call admin's phone: 375 × 812 with touch, on a night's real data (harness/
 * seed-outage.ts: 24 endpoints, a proxy's HTML 503 pages, a 2,048-character URL, dead letters),
 * plus one endpoint at a short URL (one line: the link's shortest), in an organization of its own
 * (B), so the rest of the suite's data stays as it is.
 */
test.use(PHONE);
test.describe.configure({ mode: "serial" });

const org = sandboxClient(sandboxUrl, e2e.keys.orgB);
let outage: Outage;

test.beforeAll(async () => {
  outage = await seedOutage(sandboxUrl, e2e.keys.orgB);
  await org.post("webhooks/endpoints/", { url: "https://a.example/h", event_types: ["offer.updated"] });
});
test.afterAll(async () => {
  await outage?.close();
});

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(e2e.keys.orgB);
  await tap(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
}

const deadLetters = (query = "") => allDeliveries(org, `&status=dead_letter${query}`);

test("every screen fits the phone, every target takes a finger, every primary action a thumb", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [dead] = await deadLetters(`&endpoint_id=${outage.longUrlId}`);
  expect(dead, "the seeded outage has dead letters").toBeDefined();
  const problems: Record<string, string[]> = {};
  const measure = async (name: string) => {
    await expect(page.getByRole("main")).toBeVisible();
    const found = [
      ...(await wideElements(page)),
      ...(await smallTargets(page)),
      ...(await shortPrimaryActions(page)),
    ];
    if (found.length) problems[name] = found;
  };

  await page.goto("/sign-in");
  await measure("/sign-in");
  await signIn(page);

  // Every page of the build, as the page-weight check lists them.
  const visits: Record<string, string[]> = {
    "/": [],
    "/_not-found": ["/no-such-page"],
    "/sign-in": [],
    "/webhooks": ["/webhooks"],
    "/webhooks/new": ["/webhooks/new"],
    "/webhooks/[endpointId]": [`/webhooks/${outage.longUrlId}`, `/webhooks/${outage.failingIds[6]}`],
    "/deliveries": ["/deliveries", "/deliveries?status=dead_letter"],
    "/deliveries/[deliveryId]": [
      `/deliveries/${dead!.id}?endpoint_id=${dead!.endpoint_id}&at=${encodeURIComponent(dead!.created_at)}`,
    ],
    "/verify": [`/verify?endpoint=${outage.longUrlId}`],
    "/activity": ["/activity", `/activity?endpoint=${outage.longUrlId}`],
    "/alerts": ["/alerts"],
    "/access": ["/access"],
    "/join": ["/join#not-a-token"],
  };
  for (const route of builtPageRoutes()) {
    expect(visits[route], `page ${route} is not visited on the phone`).toBeDefined();
    for (const path of visits[route]!) {
      await page.goto(path);
      await measure(path);
    }
  }

  // The states with the most on them: chosen event types' chips, the bulk replay, a report.
  await page.goto("/webhooks/new");
  await page.getByRole("checkbox", { name: /offer\.updated/ }).check();
  await page.getByRole("checkbox", { name: /product\.recalled/ }).check();
  await page.getByLabel("Endpoint URL").fill(`https://${"very-long-subdomain.".repeat(8)}example.com/hook`);
  await measure("/webhooks/new, two types chosen and a long URL");

  await page.goto(`/deliveries?endpoint_id=${outage.longUrlId}`);
  await tap(page, page.getByRole("button", { name: /^Replay all \d+ dead letters?$/ }));
  await expect(page.getByRole("button", { name: /^Replay \d+ dead letters?$/ })).toBeVisible();
  await measure("/deliveries, the bulk replay asking to confirm");

  await page.goto(`/verify?endpoint=${outage.longUrlId}`);
  await page.getByLabel("Raw body").fill(JSON.stringify({ id: "evt_x", data: { note: "x".repeat(2_000) } }));
  await page.getByLabel("X-Closient-Signature header").fill(`t=1700000000,v1=${"ab".repeat(32)}`);
  await page.getByLabel("Signing secret").fill("0123456789abcdef".repeat(4));
  await tap(page, page.getByRole("button", { name: "Check signature" }));
  await expect(page.getByRole("status").filter({ has: page.getByRole("heading") })).toBeVisible();
  await measure("/verify, a report");

  expect(problems).toEqual({});
});

test("the outage loop by thumb: a dead letter replayed, the endpoint paused, all the rest replayed", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { proxy, auth, healthy } = outage.receivers;
  // The receivers are fixed: from now on they accept every webhook.
  proxy.respond = () => ({ status: 200, body: "ok" });
  auth.respond = () => ({ status: 200, body: "ok" });
  const before = await deadLetters();
  const sentBefore = {
    proxy: proxy.received.length,
    auth: auth.received.length,
    healthy: healthy.received.length,
  };
  expect(before.length).toBeGreaterThan(10);

  await signIn(page);
  await tap(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deliveries" }));
  await expect(page.getByRole("heading", { name: "Deliveries", exact: true })).toBeVisible();
  // The newest dead letter in the log, opened from its card.
  const row = page.locator("[data-delivery]").filter({ hasText: "Dead letter" }).first();
  const id = await row.getAttribute("data-delivery");
  const one = before.find((d) => d.id === id)!;
  await tap(page, row.getByRole("link", { name: `Details of delivery ${id}` }));
  await expect(page.getByText("Dead letter: all 8 attempts failed")).toBeVisible();
  await tap(page, page.getByRole("button", { name: `Replay delivery ${id}` }));
  await expect(page.getByTestId("replay-result")).toContainText("Replayed as a new delivery: delivered");
  // The page renders again with the replay among the event's deliveries, before the next tap.
  await expect(page.getByText("This event was sent to the endpoint again later")).toBeVisible();

  // Its endpoint, paused with the confirmation's button.
  await tap(page, page.getByRole("region", { name: "Fields" }).getByRole("link").first());
  await expect(page).toHaveURL(new RegExp(`/webhooks/${one.endpoint_id}$`));
  await tap(page, page.getByRole("switch", { name: /^Pause / }));
  await tap(page, page.getByRole("alertdialog").getByRole("button", { name: "Pause endpoint" }));
  await expect(page.getByRole("switch", { name: /^Resume / })).toBeVisible();

  // Then every other dead letter, from the log: the one replayed already is skipped.
  await tap(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deliveries" }));
  await tap(page, page.getByRole("button", { name: `Replay all ${before.length} dead letters` }));
  await tap(page, page.getByRole("button", { name: `Replay ${before.length - 1} dead letters` }));
  await expect(page.getByTestId("bulk-replay-summary")).toContainText("Done.", { timeout: 30_000 });

  // Each missed event reached its receiver once; the paused endpoint's wait until it resumes.
  const sent = () => proxy.received.length - sentBefore.proxy + auth.received.length - sentBefore.auth;
  const waiting = before.filter((d) => d.endpoint_id === one.endpoint_id && d.id !== one.id).length;
  expect(waiting).toBeGreaterThan(0);
  await expect.poll(sent).toBe(before.length - waiting);
  await page.goto(`/webhooks/${one.endpoint_id}`);
  await tap(page, page.getByRole("switch", { name: /^Resume / }));
  await expect(page.getByRole("switch", { name: /^Pause / })).toBeVisible();
  await expect.poll(sent).toBe(before.length);

  // Once each, by the sandbox's own record: one delivered replay per dead letter, no other sends.
  const all = await allDeliveries(org);
  for (const d of before) {
    const later = all.filter(
      (x) => x.endpoint_id === d.endpoint_id && x.event_id === d.event_id && x.created_at > d.created_at,
    );
    expect(
      later.map((x) => x.status),
      `replays of ${d.id}`,
    ).toEqual(["delivered"]);
  }
  expect(healthy.received.length, "nothing went to the healthy endpoints").toBe(sentBefore.healthy);
});
