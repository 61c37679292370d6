import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { WebhookReceiver, type ReceivedWebhook } from "../harness/receiver";
import { freePort, sandboxClient } from "../harness/sandbox-client";
import { PHONE } from "../harness/phone";
import { startInbox, type Inbox, type InboxMail } from "../sandbox/inbox";
import type { Notice } from "../lib/alerts/notice";
import { e2e, portalUrl, sandboxUrl, TEAM } from "./support/env";
import { expect, test } from "./support/fixtures";
import { shortPrimaryActions, smallTargets, wideElements } from "./support/phone";
import { addChannel, stopWatching } from "./support/alerts";
import { signInTo, startPortal } from "./support/portal-process";
import { revealAndClose, seedEndpoint } from "./support/seed";

/*
 * Warned before paged, end to end: a portal of its own (a watcher reading every 500 ms), a real
 * SMTP server (sandbox/inbox.ts, on smtp-server), real HTTP receivers for Slack and the signed
 * webhook, and a real receiver that breaks and comes back. One of the team's channels answers 500
 * and another hangs: the good channels' notices still arrive on time.
 */

test.describe.configure({ mode: "serial" });

const INTERVAL_MS = 500;
let port = 0;
let portal: ChildProcess;
let smtp: Inbox;
let cookie = "";
const slack: { r?: WebhookReceiver } = {};
const hook: { r?: WebhookReceiver } = {};
const broken: { r?: WebhookReceiver } = {};
const hanging: { r?: WebhookReceiver } = {};
const target: { r?: WebhookReceiver } = {};
let webhookSecret = "";

test.beforeAll(async () => {
  smtp = await startInbox({ port: 0, host: "127.0.0.1" });
  for (const holder of [slack, hook, broken, hanging, target]) holder.r = await WebhookReceiver.start("/in");
  broken.r!.respond = () => ({ status: 500, body: "<html><title>500 Internal Server Error</title></html>" });
  hanging.r!.delayMs = 120_000; // accepts, and never answers within an attempt's 10 s
  port = await freePort();
  portal = await startPortal(port, `file:${join(e2e.dataDir, `portal-alerts-${port}.db`)}`, {
    WATCH_INTERVAL_MS: String(INTERVAL_MS),
    WATCH_RATE_LIMIT_PER_MINUTE: "100000",
    DIAGNOSIS_CACHE_MS: "0",
    SMTP_URL: smtp.smtpUrl,
    ALERT_EMAIL_FROM: "alerts@portal.example",
    PORTAL_URL: portalUrl(port),
  });
  cookie = await signInTo(port, e2e.keys.alice);
});

test.afterAll(async () => {
  portal?.kill("SIGKILL");
  await smtp?.close();
  for (const holder of [slack, hook, broken, hanging, target]) await holder.r?.close();
});

async function signedIn(page: Page) {
  const [name, value] = cookie.split("=") as [string, string];
  await page.context().addCookies([{ name, value, url: portalUrl(port) }]);
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${portalUrl(port)}${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", Origin: portalUrl(port), Cookie: cookie, ...init.headers },
  });

/**
 * What a channel received about one endpoint: its notices' kinds, in order. A webhook notice names
 * the endpoint by id; a Slack message by its name, in its text.
 */
const kindsIn = (received: ReceivedWebhook[], endpointId: string, name: string) =>
  received
    .map((w) => JSON.parse(w.rawBody) as { type?: string; data?: Notice; text?: string })
    .filter((b) => (b.data ? b.data.endpoints.some((e) => e.id === endpointId) : b.text?.includes(name)))
    .map((b) => b.type ?? (b.text!.startsWith("Recovered") ? "endpoint.recovered" : "endpoint.failing"));
const mailKinds = (mails: InboxMail[], description: string) =>
  mails
    .filter((m) => m.subject.includes(description))
    .map((m) => (m.subject.startsWith("Recovered") ? "endpoint.recovered" : "endpoint.failing"))
    .reverse();

test("an admin turns watching on, adds channels, and the team hears once when an endpoint fails and once when it recovers", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signedIn(page);
  await page.goto(`${portalUrl(port)}/alerts`);
  await expect(page.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Watch with my key" }).click();
  const watching = page.getByRole("region", { name: "Watching" });
  await expect(watching.getByText("On.", { exact: true })).toBeVisible();
  await expect(watching.getByText(`${e2e.keys.alice.slice(0, 8)}...`)).toBeVisible();
  await expect(watching.getByText(`${TEAM.alice}, just now`)).toBeVisible();
  expect(await page.content(), "the stored key never comes back to the browser").not.toContain(
    e2e.keys.alice,
  );

  // The channels, as an admin adds them: an email, a Slack hook, a signed webhook (its secret once).
  const add = (type: "Email" | "Slack" | "Signed webhook", value: string) => addChannel(page, type, value);
  await add("Email", "on call@brand"); // bad input first: said in words, nothing added
  await expect(page.getByText("Enter an email address")).toBeVisible();
  await add("Email", "oncall@brand.example");
  await expect(page.getByText("Email: oncall@brand.example")).toBeVisible();
  await add("Slack", slack.r!.url);
  await expect(page.getByText(/^Slack: 127\.0\.0\.1/)).toBeVisible();
  await add("Signed webhook", hook.r!.url);
  webhookSecret = await revealAndClose(page);
  expect(await page.content(), "the channel's secret is gone once the dialog closes").not.toContain(
    webhookSecret,
  );
  // Two channels that fail: one answers 500, one hangs. Added through the JSON route, as a script would.
  for (const url of [broken.r!.url, hanging.r!.url]) {
    const res = await api("/api/alerts/channels", {
      method: "POST",
      body: JSON.stringify({ type: "webhook", url }),
    });
    expect(res.status).toBe(201);
  }

  // The receiver breaks behind a proxy; its deliveries fail and become dead letters.
  const description = `Alerts sync ${Date.now().toString(36)}`;
  const type = `alerts.e2e.${Date.now().toString(36)}`;
  target.r!.respond = () => ({
    status: 502,
    body: "<html><title>502 Bad Gateway</title><h1>nginx</h1></html>",
  });
  const endpoint = await seedEndpoint(
    { url: target.r!.url, description, event_types: [type] },
    e2e.keys.teamD,
  );
  const emit = () =>
    fetch(`http://127.0.0.1:${e2e.sandboxPort}/_sandbox/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": e2e.keys.teamD },
      body: JSON.stringify({ type, data: { sku: "ABC" } }),
    });
  for (let i = 0; i < 3; i++) expect((await emit()).status).toBe(201);
  const failedAt = Date.now();

  await expect
    .poll(() => kindsIn(hook.r!.received, endpoint.id, description), { timeout: 20_000 })
    .toEqual(["endpoint.failing"]);
  await expect
    .poll(() => kindsIn(slack.r!.received, endpoint.id, description), { timeout: 5_000 })
    .toEqual(["endpoint.failing"]);
  await expect
    .poll(() => mailKinds(smtp.mails(), description), { timeout: 5_000 })
    .toEqual(["endpoint.failing"]);
  // On time, though one channel answers 500 and another hangs: within an interval and 5 s.
  const firstArrival = Math.max(
    ...[hook.r!.received, slack.r!.received].map(
      (r) => r.find((w) => w.rawBody.includes(endpoint.id) || w.rawBody.includes(description))!.receivedAt,
    ),
  );
  expect(firstArrival - failedAt).toBeLessThan(INTERVAL_MS + 5_000);

  // The webhook notice verifies with the portal's own verification code, and says what the page says.
  const failing = hook.r!.received.find((w) => w.rawBody.includes(endpoint.id))!;
  expect((await hook.r!.verify(failing, webhookSecret)).ok).toBe(true);
  const body = JSON.parse(failing.rawBody) as { id: string; type: string; data: Notice };
  expect(failing.headers["x-closient-delivery-id"]).toBe(body.id);
  const said = body.data.endpoints.find((e) => e.id === endpoint.id)!;
  expect(said).toMatchObject({ name: description, url: target.r!.url, state: "failing" });
  expect(said.cause).toContain("502 Bad Gateway");
  expect(said.next).toBeTruthy();
  expect(said.link).toBe(`${portalUrl(port)}/webhooks/${endpoint.id}`);
  const mail = smtp.mails().find((m) => m.subject.includes(description))!;
  expect(mail.text).toContain(target.r!.url);
  expect(mail.text).toContain(`Notice id: ${body.id}`);
  expect(mail.html).toContain("Open the endpoint");
  expect(mail.headers["x-closient-notice-id"]).toBe(body.id);

  // The endpoint's page and the list say the team was told.
  await page.goto(`${portalUrl(port)}/webhooks/${endpoint.id}`);
  await expect(page.getByTestId("alert-state")).toContainText("Your team was notified");
  await page.goto(`${portalUrl(port)}/webhooks`);
  await expect(
    page.getByRole("row").filter({ hasText: description }).getByText("Team alerted"),
  ).toBeVisible();

  // Its retries run out (the suite's sandbox runs its schedule in microseconds): three dead letters.
  const team = sandboxClient(sandboxUrl, e2e.keys.teamD);
  await expect
    .poll(async () => {
      const res = await team.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}&status=dead_letter`);
      return (res.body.data as unknown[]).length;
    })
    .toBe(3);

  // It comes back: one delivery gets through.
  target.r!.respond = () => ({ status: 200, body: "ok" });
  expect((await emit()).status).toBe(201);
  await expect
    .poll(() => kindsIn(hook.r!.received, endpoint.id, description), { timeout: 20_000 })
    .toEqual(["endpoint.failing", "endpoint.recovered"]);
  await expect
    .poll(() => kindsIn(slack.r!.received, endpoint.id, description), { timeout: 5_000 })
    .toEqual(["endpoint.failing", "endpoint.recovered"]);
  await expect
    .poll(() => mailKinds(smtp.mails(), description), { timeout: 5_000 })
    .toEqual(["endpoint.failing", "endpoint.recovered"]);
  const recovered = JSON.parse(
    hook.r!.received.filter((w) => w.rawBody.includes(endpoint.id))[1]!.rawBody,
  ) as {
    data: Notice;
  };
  const back = recovered.data.endpoints.find((e) => e.id === endpoint.id)!;
  expect(back.dead_letters).toBe(3);
  expect(back.link).toBe(`${portalUrl(port)}/deliveries?endpoint_id=${endpoint.id}&status=dead_letter`);

  // Several more cycles: nothing more about this episode, on any channel.
  await page.waitForTimeout(INTERVAL_MS * 6);
  expect(kindsIn(hook.r!.received, endpoint.id, description)).toEqual([
    "endpoint.failing",
    "endpoint.recovered",
  ]);
  expect(kindsIn(slack.r!.received, endpoint.id, description)).toEqual([
    "endpoint.failing",
    "endpoint.recovered",
  ]);
  expect(mailKinds(smtp.mails(), description)).toEqual(["endpoint.failing", "endpoint.recovered"]);

  // The page shows every attempt: the broken channel's 500 among them.
  await page.goto(`${portalUrl(port)}/alerts`);
  const notices = page.getByRole("region", { name: "Notices" });
  await expect(notices.getByText(`Recovered: ${description}`, { exact: false })).toBeVisible();
  await expect(notices.getByText(/Attempt 1 failed \(HTTP 500/).first()).toBeVisible();
});

test("a test notice reaches its channel, and watching off erases the key", async ({ page }) => {
  await signedIn(page);
  await page.goto(`${portalUrl(port)}/alerts`);
  const before = hook.r!.received.length;
  await page.getByRole("button", { name: `Send a test notice to Signed webhook: ${hook.r!.url}` }).click();
  await expect.poll(() => hook.r!.received.length).toBe(before + 1);
  const test = hook.r!.received.at(-1)!;
  expect(JSON.parse(test.rawBody)).toMatchObject({ type: "test" });
  expect((await hook.r!.verify(test, webhookSecret)).ok).toBe(true);

  // The same stored key serves an access link, mailed to its holder through the same SMTP server.
  const link = await api("/api/access/links", {
    method: "POST",
    body: JSON.stringify({
      name: "newhire@brand.example",
      role: "viewer",
      expires_in_hours: 24,
      email: true,
    }),
  });
  expect(link.status).toBe(201);
  const made = (await link.json()) as { id: string; url: string; mailed: boolean };
  expect(made.mailed).toBe(true);
  const invite = smtp.mails().find((m) => m.to.includes("newhire@brand.example"))!;
  expect(invite.subject).toContain("viewer access");
  expect(invite.text).toContain(made.url);

  // Watching off while a live link acts through the key: the key stays; once revoked, it is erased.
  const stop = await api("/api/alerts/watching", { method: "DELETE" });
  expect(await stop.json()).toMatchObject({ watching: null, key_erased: false, key_kept_for_links: 1 });
  expect((await api(`/api/access/grants/${made.id}`, { method: "DELETE" })).status).toBe(200);
  expect(
    (await api("/api/alerts/watching", { method: "PUT", body: JSON.stringify({ keep_key: true }) })).status,
  ).toBe(200);
  await page.reload();
  await stopWatching(page);
  const res = await api("/api/alerts");
  expect(await res.json()).toMatchObject({ watching: null, stored_key: null });

  // The log names each change, by who made it.
  const log = (await (await api("/api/activity?limit=50")).json()) as {
    data: { action: string; actor: { name: string } }[];
  };
  const actions = log.data.map((e) => e.action);
  for (const action of [
    "alerts.watching_started",
    "alerts.channel_added",
    "alerts.channel_tested",
    "alerts.watching_stopped",
  ])
    expect(actions).toContain(action);
  expect(log.data.find((e) => e.action === "alerts.watching_started")!.actor.name).toBe(TEAM.alice);
});

test("the alerts page on a phone: nothing sticks out past 375 px", async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  await signedIn(page);
  await page.goto(`${portalUrl(port)}/alerts`);
  await expect(page.getByRole("heading", { name: "Notices" })).toBeVisible();
  expect([
    ...(await wideElements(page)),
    ...(await smallTargets(page)),
    ...(await shortPrimaryActions(page)),
  ]).toEqual([]);
  await page.screenshot({ path: "test-results/alerts-phone.png", fullPage: true });
  await context.close();
});
