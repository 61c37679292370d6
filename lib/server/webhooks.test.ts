import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fakeUpstream, testEnv } from "../../harness/fake-upstream";
import { webhooks } from "./webhooks";

const upstream = await fakeUpstream();
testEnv(upstream.url);
const caller = { apiKey: "csb_ops", requestId: "req-ops" };
const ID = "EndpointAAAAAAAAAAAAAA";
const NOW = "2026-12-01T08:00:00.000Z";
const endpoint = {
  id: ID,
  url: "https://example.com",
  description: "",
  event_types: [],
  is_active: true,
  metadata: {},
  signing_secret: "abcdefgh...",
  created_at: NOW,
  updated_at: NOW,
};
const result = {
  delivery_id: "DeliveryAAAAAAAAAAAAAA",
  status: "delivered",
  http_status_code: 200,
  response_body: "ok",
};
const page = {
  data: [],
  pagination: {
    page: 1,
    page_size: 50,
    total_count: 0,
    total_pages: 0,
    has_next: false,
    has_previous: false,
  },
};
const BASE = "/integrations/api/v1/webhooks";

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("each Closient operation", () => {
  it("calls its documented method and path, with its body", async () => {
    const cases = [
      {
        run: () => webhooks.whoami(caller),
        answer: { organizations: [] },
        method: "GET",
        url: "/account/api/v1/whoami",
      },
      {
        run: () => webhooks.listEndpoints(caller, { page: 2, page_size: 10, metadata: { env: "prod" } }),
        answer: page,
        method: "GET",
        url: `${BASE}/endpoints/?page=2&page_size=10&metadata%5Benv%5D=prod`,
      },
      {
        run: () =>
          webhooks.createEndpoint(caller, {
            url: "https://x.test",
            description: "",
            event_types: [],
            is_active: true,
            metadata: {},
          }),
        answer: endpoint,
        method: "POST",
        url: `${BASE}/endpoints/`,
        body: { url: "https://x.test", description: "", event_types: [], is_active: true, metadata: {} },
      },
      {
        run: () => webhooks.getEndpoint(caller, ID),
        answer: endpoint,
        method: "GET",
        url: `${BASE}/endpoints/${ID}/`,
      },
      {
        run: () => webhooks.updateEndpoint(caller, ID, { description: "x" }),
        answer: endpoint,
        method: "PATCH",
        url: `${BASE}/endpoints/${ID}/`,
        body: { description: "x" },
      },
      {
        run: () => webhooks.rotateSecret(caller, ID),
        answer: endpoint,
        method: "POST",
        url: `${BASE}/endpoints/${ID}/rotate-secret/`,
      },
      {
        run: () => webhooks.testEndpoint(caller, ID),
        answer: result,
        method: "POST",
        url: `${BASE}/endpoints/${ID}/test/`,
      },
      {
        run: () => webhooks.listDeliveries(caller, { page: 1, page_size: 50, status: "dead_letter" }),
        answer: page,
        method: "GET",
        url: `${BASE}/deliveries/?page=1&page_size=50&status=dead_letter`,
      },
      {
        run: () => webhooks.replayDelivery(caller, "DeliveryAAAAAAAAAAAAAA"),
        answer: result,
        method: "POST",
        url: `${BASE}/deliveries/DeliveryAAAAAAAAAAAAAA/replay/`,
      },
    ];
    for (const c of cases) {
      upstream.seen.length = 0;
      upstream.handle = upstream.json(200, c.answer);
      await c.run();
      const [call] = upstream.seen;
      expect({ method: call!.method, url: call!.url }, c.url).toEqual({ method: c.method, url: c.url });
      expect(call!.body ? JSON.parse(call!.body) : undefined, c.url).toEqual(c.body);
    }
  });

  it("waits the longer deadline only for test and replay, which wait for a receiver", async () => {
    // Answers after 500 ms: past the 300 ms deadline, within the 900 ms slow one.
    upstream.handle = (req, res) => {
      const answer = /\/(test|replay)\/$/.test(req.url ?? "") ? result : endpoint;
      setTimeout(() => upstream.json(200, answer)(req, res, ""), 500);
    };
    await expect(webhooks.testEndpoint(caller, ID)).resolves.toMatchObject({ status: 200 });
    await expect(webhooks.replayDelivery(caller, "DeliveryAAAAAAAAAAAAAA")).resolves.toMatchObject({
      status: 200,
    });
    for (const run of [() => webhooks.getEndpoint(caller, ID), () => webhooks.rotateSecret(caller, ID)]) {
      await expect(run()).rejects.toMatchObject({ status: 504 });
    }
  });
});
