import type { Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseSignatureHeader } from "../lib/closient/signature";
import { sandboxClient } from "../harness/sandbox-client";
import { allDeliveries, PROXY_ERROR_PAGE } from "../harness/seed-outage";
import { WebhookReceiver } from "../harness/receiver";
import { e2e, sandboxUrl } from "./support/env";
import { expect, test } from "./support/fixtures";
import { seedEndpoint, type SeededEndpoint } from "./support/seed";

/**
 * Why it fails, with real receivers failing in each way beside a healthy one, in an organization
 * of its own (C): a proxy's 503 page, a 401 that began when the secret was rotated, a 404, a closed
 * port, and a receiver slower than the sandbox's attempt timeout (6 s in the suite).
 */
test.describe.configure({ mode: "serial" });

const org = sandboxClient(sandboxUrl, e2e.keys.orgC);
const TYPE = "why.failed";
const receivers: Record<"proxy" | "auth" | "missing" | "slow" | "healthy", WebhookReceiver> = {} as never;
const endpoints: Record<"proxy" | "rotated" | "missing" | "closed" | "slow" | "healthy", SeededEndpoint> =
  {} as never;
let rotatedAt = "";

const emit = async (type = TYPE) => {
  const res = await org.post("/_sandbox/events", { type, data: { gtin: "00012345678905" } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};
const settled = async (endpointId: string, count: number) =>
  expect
    .poll(async () => (await allDeliveries(org, `&endpoint_id=${endpointId}&status=dead_letter`)).length, {
      timeout: 15_000,
    })
    .toBe(count);

test.beforeAll(async () => {
  test.setTimeout(60_000);
  for (const name of ["proxy", "auth", "missing", "slow", "healthy"] as const)
    receivers[name] = await WebhookReceiver.start(`/hooks/${name}`);
  receivers.proxy.respond = () => ({
    status: 503,
    body: PROXY_ERROR_PAGE,
    headers: { "Content-Type": "text/html" },
  });
  receivers.missing.respond = () => ({
    status: 404,
    body: "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>",
  });
  receivers.slow.delayMs = e2e.attemptTimeoutMs + 1_500;
  const seed = (url: string, description: string, types = [TYPE]) =>
    seedEndpoint({ url, description, event_types: types }, e2e.keys.orgC);
  endpoints.proxy = await seed(receivers.proxy.url, "Behind nginx");
  endpoints.rotated = await seed(receivers.auth.url, "Rotated secret");
  endpoints.missing = await seed(receivers.missing.url, "Wrong path");
  endpoints.closed = await seed(`http://127.0.0.1:${e2e.closedPort}/hook`, "Nothing listens");
  endpoints.slow = await seed(receivers.slow.url, "Too slow", ["why.slow"]);
  endpoints.healthy = await seed(receivers.healthy.url, "Healthy");

  // The receiver verifies v1 with the secret it was given: fine until the secret is rotated.
  const secret = endpoints.rotated.signing_secret;
  receivers.auth.respond = (webhook) => {
    const parsed = parseSignatureHeader(webhook.signature)!;
    const expected = createHmac("sha256", secret)
      .update(`${parsed.timestamp}.${webhook.rawBody}`)
      .digest("hex");
    return parsed.v1.includes(expected)
      ? { status: 200, body: "ok" }
      : { status: 401, body: JSON.stringify({ error: "invalid_signature", message: "Signature mismatch." }) };
  };
  await emit();
  await expect.poll(() => receivers.auth.received.length).toBe(1);
  const rotated = await org.post(`webhooks/endpoints/${endpoints.rotated.id}/rotate-secret/`);
  expect(rotated.status).toBe(200);
  rotatedAt = (rotated.body as { updated_at: string }).updated_at;
  await emit();
  await emit();
  for (const name of ["proxy", "missing", "closed"] as const) await settled(endpoints[name].id, 3);
  await settled(endpoints.rotated.id, 2);

  // One event for the slow receiver: its first attempt times out, then it is paused, so its
  // retries wait and its counts hold still.
  await emit("why.slow");
  await expect
    .poll(async () => (await allDeliveries(org, `&endpoint_id=${endpoints.slow.id}`))[0]?.status, {
      timeout: 15_000,
    })
    .toBe("failed");
  expect((await org.patch(`webhooks/endpoints/${endpoints.slow.id}/`, { is_active: false })).status).toBe(
    200,
  );
});

test.afterAll(async () => {
  await Promise.all(Object.values(receivers).map((r) => r.close()));
});

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(e2e.keys.orgC);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
}

test("Failing now names each failing endpoint with its cause, counts equal to the sandbox's, worst first", async ({
  page,
}) => {
  await signIn(page);
  const summary = page.getByRole("region", { name: "Failing now" });
  const entries = summary.locator("[data-failing]");
  // Three dead letters each first (the longest failing of them first), then the rotated one's two,
  // then the slow one with none; the healthy one is not there.
  await expect(entries).toHaveCount(5);
  const order = await entries.evaluateAll((els) => els.map((el) => el.getAttribute("data-failing")));
  expect(order.slice(3)).toEqual([endpoints.rotated.id, endpoints.slow.id]);
  expect(new Set(order.slice(0, 3))).toEqual(
    new Set([endpoints.proxy.id, endpoints.missing.id, endpoints.closed.id]),
  );

  const expected: [keyof typeof endpoints, string][] = [
    ["proxy", "HTTP 503 from nginx: the receiver behind it is down"],
    ["rotated", "HTTP 401: the receiver refuses the request"],
    ["missing", "HTTP 404: no such page at the receiver"],
    ["closed", "No HTTP answer"],
    ["slow", "No HTTP answer"],
  ];
  for (const [name, title] of expected) {
    const entry = summary.locator(`[data-failing="${endpoints[name].id}"]`);
    await expect(entry.getByRole("heading", { level: 3 })).toHaveText(title);
    const all = await allDeliveries(org, `&endpoint_id=${endpoints[name].id}`);
    const dead = all.filter((d) => d.status === "dead_letter").length;
    const failed = all.filter((d) => d.status === "failed").length;
    const words = [
      dead ? `${dead} dead letter${dead === 1 ? "" : "s"}` : "",
      failed ? `${failed} failed` : "",
    ];
    await expect(entry).toContainText(words.filter(Boolean).join(", "));
    await expect(entry).toContainText(name === "rotated" ? "last got through" : "nothing got through yet");
  }
  await expect(summary.locator(`[data-failing="${endpoints.healthy.id}"]`)).toHaveCount(0);
});

test("the 401 that began after the rotation names it, with the signature check, and its log link shows just those", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`/webhooks/${endpoints.rotated.id}`);
  const why = page.getByRole("region", { name: "Why it fails" });
  const failures = (await allDeliveries(org, `&endpoint_id=${endpoints.rotated.id}&status=dead_letter`)).sort(
    (a, b) => a.created_at.localeCompare(b.created_at),
  );
  await expect(why.getByTestId("failing-summary")).toContainText("Failing since");
  await expect(why.getByTestId("failing-summary")).toContainText("In the last 24 hours: 2 dead letters.");
  const cause = why.locator('[data-cause="401"]');
  await expect(cause).toContainText("2 failures (2 dead letters)");
  await expect(cause).toContainText("began after this endpoint's last change, a secret rotation");
  await expect(cause).toContainText("Last changed");
  expect(rotatedAt <= failures[0]!.created_at).toBe(true);
  await expect(cause.getByRole("link", { name: "Verify a signature" })).toHaveAttribute(
    "href",
    `/verify?endpoint=${endpoints.rotated.id}`,
  );
  await expect(cause.getByRole("link", { name: "Receiver code that verifies" })).toBeVisible();
  await cause.getByText(/A sample answer/).click();
  await expect(cause.locator("pre")).toHaveText(
    JSON.stringify({ error: "invalid_signature", message: "Signature mismatch." }),
  );
  // The last delivery that got through is the one before the rotation.
  await expect(page.getByTestId("endpoint-state")).not.toContainText("None yet");

  await cause.getByRole("link", { name: "These failures in the log" }).click();
  await expect(page).toHaveURL(/\/deliveries\?endpoint_id=.*status=dead_letter/);
  const rows = page.locator("[data-delivery]");
  await expect(rows).toHaveCount(2);
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-delivery"))))).toEqual(
    new Set(failures.map((f) => f.id)),
  );
});

test("replaying one endpoint's dead letters from its diagnosis sends each missed event once, and nothing elsewhere", async ({
  page,
}) => {
  await signIn(page);
  receivers.proxy.respond = () => ({ status: 200, body: "ok" }); // the receiver behind nginx is back
  const before = Object.fromEntries(Object.entries(receivers).map(([name, r]) => [name, r.received.length]));
  const dead = await allDeliveries(org, `&endpoint_id=${endpoints.proxy.id}&status=dead_letter`);
  await page.goto(`/webhooks/${endpoints.proxy.id}`);
  const why = page.getByRole("region", { name: "Why it fails" });
  await why.getByRole("button", { name: "Replay all 3 dead letters" }).click();
  await page.getByRole("button", { name: "Replay 3 dead letters" }).click();
  await expect(page.getByTestId("bulk-replay-summary")).toContainText("Replayed and delivered: 3");

  await expect.poll(() => receivers.proxy.received.length).toBe(before.proxy! + 3);
  const events = receivers.proxy.received.slice(before.proxy).map((w) => w.event.id);
  expect(events.sort()).toEqual(dead.map((d) => d.event_id).sort());
  for (const name of ["auth", "missing", "slow", "healthy"] as const)
    expect(receivers[name].received.length, name).toBe(before[name]);

  // Fixed and replayed: it no longer fails now (the summary is kept 15 s).
  await expect
    .poll(
      async () => {
        await page.goto("/webhooks");
        return page.locator(`[data-failing="${endpoints.proxy.id}"]`).count();
      },
      { timeout: 25_000, intervals: [1_000, 3_000] },
    )
    .toBe(0);
});

test("the log exports as CSV and JSON: the rows the log's filters match, a formula-looking body escaped", async ({
  page,
}) => {
  const formula = await WebhookReceiver.start("/hooks/formula");
  formula.respond = () => ({ status: 400, body: '=HYPERLINK("http://evil.example","Click")' });
  try {
    const endpoint = await seedEndpoint(
      { url: formula.url, description: "Formula body", event_types: ["why.export"] },
      e2e.keys.orgC,
    );
    for (let i = 0; i < 3; i++) await emit("why.export");
    await settled(endpoint.id, 3);
    await org.post(`webhooks/endpoints/${endpoint.id}/test/`); // a ping: one more row, failed
    const expected = await allDeliveries(org, `&endpoint_id=${endpoint.id}`);
    expect(expected).toHaveLength(4);

    await signIn(page);
    await page.goto(`/deliveries?endpoint_id=${endpoint.id}`);
    await expect(page.locator("[data-delivery]")).toHaveCount(4);
    const logIds = await page
      .locator("[data-delivery]")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-delivery")));
    await page.getByRole("button", { name: "Export…" }).click();
    const panel = page.getByRole("region", { name: "Export the log" });
    await expect(panel).toContainText("4 deliveries that match these filters");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^closient-deliveries-.*\.csv$/);
    const lines = (await readFile(await csv.path(), "utf8")).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,endpoint_id,event_id,event_type,status,attempts,http_status_code,response_body,created_at,last_attempted_at",
    );
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(logIds);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(expected.map((d) => d.id));
    // The receiver's body opens as text in a spreadsheet, not as a formula.
    for (const line of lines.slice(1))
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    await expect(panel.getByTestId("export-summary")).toHaveText("Exported 4 rows.");

    await panel.getByRole("button", { name: "Export again" }).click();
    await panel.getByLabel("JSON").check();
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const rows = JSON.parse(await readFile(await json.path(), "utf8")) as {
      id: string;
      response_body: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(expected.map((d) => d.id));
    expect(rows[0]!.response_body).toBe('=HYPERLINK("http://evil.example","Click")');
  } finally {
    await formula.close();
  }
});
