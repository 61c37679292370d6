import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_DELIVERY_ATTEMPTS as MAX_ATTEMPTS, ROTATION_GRACE_MS } from "../../lib/closient";
import { WebhookReceiver } from "../../harness/receiver";
import { eventually, startTestSandbox, type TestSandbox } from "../../harness/sandbox-in-process";

let t: TestSandbox;
let receiver: WebhookReceiver;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
afterEach(() => receiver?.close());

async function endpointFor(
  r: WebhookReceiver,
  types = ["offer.updated"],
  extra: Record<string, unknown> = {},
) {
  const res = await t.a.post("webhooks/endpoints/", { url: r.url, event_types: types, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; signing_secret: string };
}
const emit = (type: string, data: Record<string, unknown> = {}) =>
  t.a.post("/_sandbox/events", { type, data });
const deliveries = (query: string) =>
  t.a.get(`webhooks/deliveries/?${query}`).then((r) => r.body.data as any[]);

describe("delivery", () => {
  it("POSTs the documented body and headers, signed with the create secret", async () => {
    receiver = await WebhookReceiver.start();
    const ep = await endpointFor(receiver);
    const emitted = await emit("offer.updated", { gtin: "00012345678905" });
    expect(emitted.status).toBe(201);
    expect(emitted.body.event_id).toMatch(/^evt_[a-z0-9]{24}$/);
    expect(emitted.body.delivery_ids).toHaveLength(1);
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.event).toEqual({
      id: emitted.body.event_id,
      type: "offer.updated",
      created_at: expect.any(String),
      data: { gtin: "00012345678905" },
    });
    expect(webhook!.headers["content-type"]).toBe("application/json");
    expect(webhook!.headers["user-agent"]).toBe("Closient-Webhooks/1.0");
    expect(webhook!.headers["x-closient-event-type"]).toBe("offer.updated");
    expect(webhook!.headers["x-closient-delivery-id"]).toBe(emitted.body.delivery_ids[0]);
    expect(webhook!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await receiver.verify(webhook!, ep.signing_secret)).toMatchObject({ ok: true, matched: "v1" });
    const [row] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.status === "delivered",
    );
    expect(row).toMatchObject({
      status: "delivered",
      attempts: 1,
      http_status_code: 200,
      response_body: "ok",
      event_type: "offer.updated",
    });
  });

  it("delivers only exact type matches to active endpoints", async () => {
    receiver = await WebhookReceiver.start();
    await endpointFor(receiver, ["product.recalled"]);
    await endpointFor(receiver, ["product.recalled"], { is_active: false });
    await endpointFor(receiver, ["product.updated"]);
    const res = await emit("product.recalled");
    expect(res.body.delivery_ids).toHaveLength(1);
    expect((await emit("product.claimed")).body.delivery_ids).toHaveLength(0);
    await receiver.waitFor(1);
    expect(receiver.received.map((w) => w.event.type)).toEqual(["product.recalled"]);
  });

  it("signs with v1 (new) and v1old (old) after a rotation, and drops v1old after 24 hours", async () => {
    receiver = await WebhookReceiver.start();
    const ep = await endpointFor(receiver, ["retailer.created"]);
    const rotated = await t.a.post(`webhooks/endpoints/${ep.id}/rotate-secret/`);
    const newSecret = rotated.body.signing_secret as string;
    await emit("retailer.created");
    const [inGrace] = await receiver.waitFor(1);
    expect(inGrace!.signature).toMatch(/,v1old=/);
    expect(await receiver.verify(inGrace!, newSecret)).toMatchObject({ ok: true, matched: "v1" });
    expect(await receiver.verify(inGrace!, ep.signing_secret)).toMatchObject({ ok: true, matched: "v1old" });

    t.clock.advance(ROTATION_GRACE_MS + 1000);
    await emit("retailer.created");
    const after = (await receiver.waitFor(2))[1]!;
    const now = Math.floor(t.clock.now() / 1000);
    expect(after.signature).not.toMatch(/v1old/);
    expect(await receiver.verify(after, newSecret, now)).toMatchObject({ ok: true });
    expect(await receiver.verify(after, ep.signing_secret, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("keeps only the secret being replaced when rotating twice inside the grace", async () => {
    receiver = await WebhookReceiver.start();
    const ep = await endpointFor(receiver, ["product.claimed"]);
    const second = (await t.a.post(`webhooks/endpoints/${ep.id}/rotate-secret/`)).body
      .signing_secret as string;
    const third = (await t.a.post(`webhooks/endpoints/${ep.id}/rotate-secret/`)).body
      .signing_secret as string;
    await emit("product.claimed");
    const [webhook] = await receiver.waitFor(1);
    const now = Math.floor(t.clock.now() / 1000);
    expect(await receiver.verify(webhook!, third, now)).toMatchObject({ ok: true, matched: "v1" });
    expect(await receiver.verify(webhook!, second, now)).toMatchObject({ ok: true, matched: "v1old" });
    expect(await receiver.verify(webhook!, ep.signing_secret, now)).toMatchObject({ ok: false });
  });

  it("walks a failing delivery through failed to dead_letter after eight attempts", async () => {
    receiver = await WebhookReceiver.start();
    receiver.respond = () => ({ status: 500, body: "x".repeat(1000) });
    const ep = await endpointFor(receiver, ["offer.updated"]);
    await emit("offer.updated");
    const [row] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.status === "dead_letter",
    );
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, http_status_code: 500 });
    expect(row.response_body).toHaveLength(256);
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(receiver.received.map((w) => w.event.id)).size).toBe(1);
    expect(await deliveries(`status=dead_letter&endpoint_id=${ep.id}`)).toHaveLength(1);
  });

  it("marks a 429 rate_limited and waits at least its Retry-After", async () => {
    receiver = await WebhookReceiver.start();
    receiver.respond = () => ({ status: 429, headers: { "Retry-After": "3600" } });
    const ep = await endpointFor(receiver, ["offer.updated"]);
    await emit("offer.updated");
    const [row] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.attempts === 1,
    );
    expect(row).toMatchObject({ status: "rate_limited", http_status_code: 429 });
    expect(await deliveries(`status=rate_limited&endpoint_id=${ep.id}`)).toHaveLength(1);
    // Retry-After 3600 s at this time scale is 36 ms; the plain schedule would be 0.6 ms.
    await receiver.waitFor(2);
    const gap = receiver.received[1]!.receivedAt - receiver.received[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(30);
  });

  it("does not follow redirects: a 3xx is a failure", async () => {
    receiver = await WebhookReceiver.start();
    receiver.respond = () => ({ status: 302, headers: { Location: "https://elsewhere.example/" } });
    const ep = await endpointFor(receiver);
    const ping = await t.a.post(`webhooks/endpoints/${ep.id}/test/`);
    expect(ping.body).toMatchObject({ status: "failed", http_status_code: 302 });
    expect(receiver.received).toHaveLength(1);
  });

  it("replays a dead letter as a new row, and refuses anything else with 422", async () => {
    receiver = await WebhookReceiver.start();
    let healthy = false;
    receiver.respond = () => (healthy ? { status: 204 } : { status: 503 });
    const ep = await endpointFor(receiver, ["offer.updated"]);
    await emit("offer.updated");
    const [dead] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.status === "dead_letter",
    );
    const stillDown = await t.a.post(`webhooks/deliveries/${dead.id}/replay/`);
    expect(stillDown.status).toBe(200);
    expect(stillDown.body).toMatchObject({ status: "failed", http_status_code: 503 });
    healthy = true;
    const replay = await t.a.post(`webhooks/deliveries/${dead.id}/replay/`);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({
      delivery_id: expect.any(String),
      status: "delivered",
      http_status_code: 204,
      response_body: "",
    });
    expect(replay.body.delivery_id).not.toBe(dead.id);
    const rows = await deliveries(`endpoint_id=${ep.id}`);
    expect(rows.find((r) => r.id === dead.id).status).toBe("dead_letter");
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set([dead.event_id]));
    const refused = await t.a.post(`webhooks/deliveries/${replay.body.delivery_id}/replay/`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("VALIDATION_ERROR");
    expect((await t.b.post(`webhooks/deliveries/${dead.id}/replay/`)).status).toBe(404);
  });

  it("sends a replay once, even when the receiver is slow to answer", async () => {
    receiver = await WebhookReceiver.start();
    let healthy = false;
    receiver.respond = () => (healthy ? { status: 200 } : { status: 500 });
    const ep = await endpointFor(receiver, ["offer.updated"]);
    await emit("offer.updated");
    const [dead] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.status === "dead_letter",
    );
    healthy = true;
    receiver.delayMs = 600; // the synchronous attempt is in flight while the worker looks for due work
    const before = receiver.received.length;
    // Other traffic meanwhile wakes the worker, which then looks for due work.
    const other = await WebhookReceiver.start();
    await endpointFor(other, ["product.updated"]);
    const replays = await Promise.all([
      ...[0, 1, 2].map(() => t.a.post(`webhooks/deliveries/${dead.id}/replay/`)),
      ...[0, 1, 2, 3, 4].map(async (i) => {
        await new Promise((resolve) => setTimeout(resolve, 100 * i));
        return emit("product.updated");
      }),
    ]).then((all) => all.slice(0, 3));
    await other.waitFor(5);
    await other.close();
    expect(replays.map((r) => r.body.status)).toEqual(["delivered", "delivered", "delivered"]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Three replays asked for: three sends, not one more from the worker.
    expect(receiver.received.length - before).toBe(3);
  });

  it("sends a synchronous ping that is never retried, even to a paused endpoint", async () => {
    receiver = await WebhookReceiver.start();
    receiver.respond = () => ({ status: 500, body: "down" });
    const ep = await endpointFor(receiver, [], { is_active: false });
    const res = await t.a.post(`webhooks/endpoints/${ep.id}/test/`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      delivery_id: expect.any(String),
      status: "failed",
      http_status_code: 500,
      response_body: "down",
    });
    expect(receiver.received[0]!.event.type).toBe("ping");
    expect(
      await receiver.verify(receiver.received[0]!, ep.signing_secret, Math.floor(t.clock.now() / 1000)),
    ).toMatchObject({ ok: true });
    const rows = await deliveries(`endpoint_id=${ep.id}&event_type=ping`);
    expect(rows).toMatchObject([{ status: "failed", attempts: 1 }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(1);
  });

  it("reports a network failure with a null status code", async () => {
    const ep = await t.a.post("webhooks/endpoints/", { url: "http://127.0.0.1:9/closed" });
    const res = await t.a.post(`webhooks/endpoints/${ep.body.id}/test/`);
    expect(res.body).toMatchObject({ status: "failed", http_status_code: null, response_body: null });
  });
});

describe("pause", () => {
  it("sends nothing to a paused endpoint; queued deliveries continue on resume", async () => {
    receiver = await WebhookReceiver.start();
    let up = false;
    receiver.respond = () => (up ? { status: 200 } : { status: 503 });
    const ep = await endpointFor(receiver, ["pause.check"]);
    const first = await emit("pause.check", { n: 1 });
    await receiver.waitFor(1);
    await t.a.patch(`webhooks/endpoints/${ep.id}/`, { is_active: false });
    const countAtPause = receiver.received.length;
    const during = await emit("pause.check", { n: 2 });
    expect(during.body.delivery_ids).toEqual([]);
    await new Promise((r) => setTimeout(r, 300)); // long enough for several retries at this scale
    expect(receiver.received).toHaveLength(countAtPause);
    up = true;
    await t.a.patch(`webhooks/endpoints/${ep.id}/`, { is_active: true });
    const [row] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.status === "delivered",
    );
    expect(row.event_id).toBe(first.body.event_id);
    expect(receiver.received.map((w) => w.event.data.n)).not.toContain(2);
  });

  it("queues a replay for a paused endpoint instead of sending it", async () => {
    receiver = await WebhookReceiver.start();
    receiver.respond = () => ({ status: 500 });
    const ep = await endpointFor(receiver, ["offer.updated"]);
    await emit("offer.updated");
    const [dead] = await eventually(
      () => deliveries(`endpoint_id=${ep.id}`),
      (rows) => rows[0]?.status === "dead_letter",
    );
    await t.a.patch(`webhooks/endpoints/${ep.id}/`, { is_active: false });
    const before = receiver.received.length;
    const replay = await t.a.post(`webhooks/deliveries/${dead.id}/replay/`);
    expect(replay.body).toMatchObject({ status: "pending", http_status_code: null });
    expect(receiver.received).toHaveLength(before);
  });
});

describe("deliveries list", () => {
  it("filters by status, type, endpoint and an inclusive time range", async () => {
    const s = await startTestSandbox();
    receiver = await WebhookReceiver.start();
    try {
      const ep = (
        await s.a.post("webhooks/endpoints/", {
          url: receiver.url,
          event_types: ["offer.updated", "product.updated"],
        })
      ).body;
      await s.a.post("/_sandbox/events", { type: "offer.updated", data: {} });
      await s.a.post("/_sandbox/events", { type: "product.updated", data: {} });
      await receiver.waitFor(2);
      const all = (await s.a.get("webhooks/deliveries/")).body;
      expect(all.pagination.total_count).toBe(2);
      expect(all.data[0].event_type).toBe("product.updated"); // newest first
      await eventually(
        () => s.a.get("webhooks/deliveries/?status=delivered").then((r) => r.body.pagination.total_count),
        (n) => n === 2,
      );
      expect((await s.a.get("webhooks/deliveries/?status=pending")).body.pagination.total_count).toBe(0);
      expect(
        (await s.a.get(`webhooks/deliveries/?endpoint_id=${ep.id}&event_type=product.updated`)).body
          .pagination.total_count,
      ).toBe(1);
      const byType = (await s.a.get("webhooks/deliveries/?event_type=offer.updated")).body.data;
      expect(byType).toHaveLength(1);
      const at = byType[0].created_at as string;
      expect(
        (
          await s.a.get(`webhooks/deliveries/?created_after=${at}&created_before=${at}&endpoint_id=${ep.id}`)
        ).body.data.map((d: any) => d.id),
      ).toContain(byType[0].id);
      expect((await s.a.get(`webhooks/deliveries/?created_after=2099-01-01T00:00:00Z`)).body.data).toEqual(
        [],
      );
      expect((await s.a.get("webhooks/deliveries/?status=bogus")).status).toBe(422);
      expect((await s.b.get("webhooks/deliveries/")).body.data).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
