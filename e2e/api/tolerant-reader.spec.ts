import { DRIFT, e2e, portalUrl } from "../support/env";
import { expect, signedInRequest, test } from "../support/fixtures";

/**
 * A Closient that has moved on (e2e/support/drifted-upstream.ts): nulls, new values and fields,
 * and two rows nobody can read. Every proxied route answers, no 5xx, with every readable row.
 */
const drift = portalUrl(e2e.portalDriftPort);
const [first, second, third, fourth] = DRIFT.endpoints;

test("every proxied route reads a drifted Closient: nulls as empty, new values kept, new fields dropped, bad rows left out", async () => {
  const api = await signedInRequest(drift);

  const list = await api.get("/api/webhooks/endpoints");
  expect(list.status(), await list.text()).toBe(200);
  const page = (await list.json()) as {
    data: Record<string, unknown>[];
    pagination: Record<string, unknown>;
    unreadable: number;
  };
  expect(page.data.map((e) => e.id)).toEqual([first, second, third, fourth]);
  expect(page.unreadable).toBe(2);
  // The pagination block lacked total_pages: worked out, not failed.
  expect(page.pagination).toMatchObject({ total_count: 6, total_pages: 1, has_next: false });
  const [a, b, c, d] = page.data as [
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  expect(a).not.toHaveProperty("rate_limit");
  expect(a).not.toHaveProperty("api_version");
  expect(a.event_types).toEqual(["offer.updated", "inventory.restocked"]);
  expect(b).toMatchObject({ description: "", event_types: [], metadata: {}, is_active: false });
  expect(b.updated_at).toBe(b.created_at);
  expect(c).toMatchObject({
    event_types: ["product.recalled"],
    metadata: { owner: "erp-team" },
    signing_secret: "",
  });
  expect(d.updated_at).toBe(d.created_at);

  for (const id of DRIFT.endpoints) {
    const one = await api.get(`/api/webhooks/endpoints/${id}`);
    expect(one.status(), `${id}: ${await one.text()}`).toBe(200);
    expect(((await one.json()) as { id: string }).id).toBe(id);
  }

  const deliveries = await api.get("/api/webhooks/deliveries");
  expect(deliveries.status(), await deliveries.text()).toBe(200);
  const log = (await deliveries.json()) as { data: Record<string, unknown>[]; unreadable: number };
  expect(log.unreadable).toBe(1);
  expect(log.data).toHaveLength(3);
  expect(log.data[0]).toMatchObject({
    id: DRIFT.deliveries[0],
    status: "retry_scheduled",
    event_type: "inventory.restocked",
    http_status_code: null,
    response_body: "",
    attempts: 0,
    last_attempted_at: null,
  });
  expect(log.data[0]).not.toHaveProperty("latency_ms");
  expect(log.data[2]).toMatchObject({ event_id: "", last_attempted_at: null });

  const headers = { "Sec-Fetch-Site": "same-origin" };
  const answers = {
    test: await api.post(`/api/webhooks/endpoints/${first}/test`, { headers }),
    replay: await api.post(`/api/webhooks/deliveries/${DRIFT.deliveries[1]}/replay`, { headers }),
    rotate: await api.post(`/api/webhooks/endpoints/${second}/rotate-secret`, { headers }),
    update: await api.patch(`/api/webhooks/endpoints/${third}`, { headers, data: { description: "ERP" } }),
  };
  for (const [name, res] of Object.entries(answers))
    expect(res.status(), `${name}: ${await res.text()}`).toBe(200);
  expect(await answers.test.json()).toEqual({
    delivery_id: DRIFT.deliveries[0],
    status: "queued",
    http_status_code: null,
    response_body: null,
  });
  await api.dispose();
});

test("the request id travels from the admin's request to Closient and back", async () => {
  const api = await signedInRequest(drift);
  const id = `drift-trace-${Date.now()}`;
  const res = await api.get("/api/webhooks/deliveries", { headers: { "X-Request-Id": id } });
  expect(res.status()).toBe(200);
  expect(res.headers()["x-request-id"]).toBe(id);
  const seen = (await (await fetch(`http://127.0.0.1:${e2e.driftPort}/_drift/seen`)).json()) as {
    request_ids: string[];
  };
  expect(seen.request_ids).toContain(id);

  // An id that is not plain text is replaced, never echoed.
  const odd = await api.get("/api/webhooks/deliveries", {
    headers: { "X-Request-Id": "<script>alert(1)</script>" },
  });
  expect(odd.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  await api.dispose();
});
