import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { endpointRow, fakeUpstream, testEnv } from "./testing";
import { endpointHealth, failingEndpoints } from "./health";
import { endpointName } from "@/lib/endpoints/names";
import { endpointDirectory } from "./endpoint-directory";
import { webhooks } from "./webhooks";
import { log } from "./log";

const upstream = await fakeUpstream();
testEnv(upstream.url);

const NOW = Date.parse("2026-12-01T08:00:00.000Z");
const caller = { apiKey: "csb_services", requestId: "req-services" };
let n = 0;
const id = (prefix: string) => `${prefix}${String(++n).padStart(22 - prefix.length, "A")}`;
const row = (endpoint: string, status: string, extra: Record<string, unknown> = {}) => ({
  id: id("D"),
  endpoint_id: endpoint,
  event_id: "evt_x",
  event_type: "offer.updated",
  status,
  created_at: new Date(NOW - 60_000).toISOString(),
  http_status_code: status === "delivered" ? 200 : 503,
  response_body: "",
  attempts: 1,
  last_attempted_at: null,
  ...extra,
});
const endpoint = (eid: string, description = "") =>
  endpointRow(eid, description, `https://${eid}.example.com`);
const page = (data: unknown[], more: Record<string, unknown> = {}) => ({
  data,
  pagination: {
    page: 1,
    page_size: 50,
    total_count: data.length,
    total_pages: 1,
    has_next: false,
    has_previous: false,
    ...more,
  },
});
/** Counts by status, in the order the health figures list them. */
const byStatus = (
  pending: number,
  delivered: number,
  failed: number,
  rateLimited: number,
  dead: number,
  other: number,
) => ({ pending, delivered, failed, rate_limited: rateLimited, dead_letter: dead, other });
const query = (i: number) => new URL(upstream.seen[i]!.url, "http://x").searchParams;

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("an endpoint's last day", () => {
  it("counts a page of deliveries by status in one call, new statuses as other, and keeps its failures", async () => {
    const e = id("E");
    const rows = [
      ...["delivered", "delivered", "failed", "dead_letter", "retry_scheduled", "pending"].map((s) =>
        row(e, s),
      ),
      row(e, "rate_limited"),
    ];
    upstream.handle = upstream.json(200, page(rows));
    const health = await endpointHealth(caller, "org-h1", e, NOW);
    expect(health.counts).toEqual(byStatus(1, 2, 1, 1, 1, 1));
    expect(health).toMatchObject({ total: 7, calls: 1 });
    expect(health.failures.map((d) => d.id)).toEqual([rows[2], rows[3], rows[6]].map((r) => r!.id));
    // The newest attempt got through: not failing.
    expect(health).toMatchObject({ lastDelivered: { id: rows[0]!.id }, failingSince: null });
    expect(Object.fromEntries(query(0))).toEqual({
      endpoint_id: e,
      created_after: new Date(NOW - 86_400_000).toISOString(),
      page: "1",
      page_size: "50",
    });
    expect(upstream.seen[0]!.headers["x-request-id"]).toBe("req-services");
  });

  it("asks for each status's total when there are more than a page, and counts the rest as other", async () => {
    const e = id("E");
    upstream.handle = (req, res) => {
      const status = new URL(req.url!, "http://x").searchParams.get("status");
      const totals: Record<string, number> = {
        pending: 1,
        delivered: 60,
        failed: 5,
        rate_limited: 0,
        dead_letter: 2,
      };
      const body = status
        ? page([row(e, status)], { page_size: 1, total_count: totals[status] })
        : page(
            Array.from({ length: 50 }, () => row(e, "delivered")),
            { total_count: 70, has_next: true },
          );
      upstream.json(200, body)(req, res, "");
    };
    const health = await endpointHealth(caller, "org-h2", e, NOW);
    expect(health.counts).toEqual(byStatus(1, 60, 5, 0, 2, 2));
    expect(health).toMatchObject({ total: 70, calls: 6 });
    expect(upstream.seen).toHaveLength(6);
    expect(
      upstream.seen
        .slice(1)
        .map((_, i) => query(i + 1).get("page_size"))
        .every((size) => size === "1"),
    ).toBe(true);
  });

  it("finds where a run of failures longer than the page began: after the last delivery that got through", async () => {
    const e = id("E");
    const delivered = row(e, "delivered", { created_at: "2026-11-30T01:00:00.000Z" });
    const first = row(e, "failed", { created_at: "2026-11-30T01:05:00.000Z" });
    upstream.handle = (req, res) => {
      const q = new URL(req.url!, "http://x").searchParams;
      const body =
        q.get("status") === "delivered"
          ? page([delivered], { page_size: 1, total_count: 40 })
          : q.get("created_after") === "2026-11-30T01:00:00.001Z"
            ? q.get("page") === "1"
              ? page([row(e, "dead_letter")], { page_size: 1, total_count: 120 })
              : page([first], { page: Number(q.get("page")), page_size: 1, total_count: 120 })
            : page(
                Array.from({ length: 50 }, () => row(e, "dead_letter")),
                { total_count: 50 },
              );
      upstream.json(200, body)(req, res, "");
    };
    const health = await endpointHealth(caller, "org-h4", e, NOW);
    expect(health).toMatchObject({
      lastDelivered: { id: delivered.id },
      failingSince: first.created_at,
      calls: 4,
    });
    expect(health.failures).toHaveLength(5);
    // The oldest failure is the last page of one row each.
    expect(query(3).get("page")).toBe("120");
  });

  it("keeps its answer 15 seconds per organization and endpoint", async () => {
    const e = id("E");
    upstream.handle = upstream.json(200, page([row(e, "failed"), row(e, "delivered")]));
    await endpointHealth(caller, "org-h3", e, NOW);
    await endpointHealth(caller, "org-h3", e, NOW);
    expect(upstream.seen).toHaveLength(1);
    await endpointHealth(caller, "org-other", e, NOW);
    expect(upstream.seen).toHaveLength(2);
    vi.useFakeTimers({ now: Date.now() + 15_001, toFake: ["Date"] });
    try {
      await endpointHealth(caller, "org-h3", e, NOW);
      expect(upstream.seen).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("failing endpoints", () => {
  it("names the endpoints whose recent deliveries all failed, and not those with a success", async () => {
    const [bad, mixed, good] = [id("E"), id("E"), id("E")];
    upstream.handle = upstream.json(
      200,
      page([
        row(bad, "failed"),
        row(bad, "dead_letter"),
        row(bad, "rate_limited"),
        row(mixed, "failed"),
        row(mixed, "delivered"),
        row(good, "delivered"),
        row(good, "retry_scheduled"),
      ]),
    );
    expect(await failingEndpoints(caller, "org-f1", NOW)).toEqual(new Set([bad]));
    expect(query(0).get("created_after")).toBe(new Date(NOW - 86_400_000).toISOString());
  });

  it("is an empty set when Closient fails: a badge is a hint", async () => {
    upstream.handle = upstream.json(500, { error: { code: "X", message: "down", status: 500 } });
    expect(await failingEndpoints(caller, "org-f2", NOW)).toEqual(new Set());
  });
});

describe("the endpoint directory", () => {
  it("names endpoints from the first list pages, then looks up the few it does not know", async () => {
    const [a, b, c] = [id("E"), id("E"), id("E")];
    upstream.handle = (req, res) => {
      const url = new URL(req.url!, "http://x");
      if (url.pathname.endsWith("/endpoints/")) {
        const p = Number(url.searchParams.get("page"));
        return upstream.json(
          200,
          p === 1 ? page([endpoint(a, "Orders")], { has_next: true, page: 1 }) : page([endpoint(b)]),
        )(req, res, "");
      }
      if (url.pathname.endsWith(`/${c}/`)) return upstream.json(200, endpoint(c, "Found"))(req, res, "");
      upstream.json(404, { error: { code: "NOT_FOUND", message: "no", status: 404 } })(req, res, "");
    };
    const missing = id("E");
    const { known, newest } = await endpointDirectory(caller, "org-d1", [a, c, missing]);
    expect(newest.map((e) => e.id)).toEqual([a, b]);
    expect([query(0).get("page"), query(1).get("page")]).toEqual(["1", "2"]);
    expect(known.get(c)).toEqual({ id: c, url: `https://${c}.example.com`, description: "Found" });
    expect(known.has(missing)).toBe(false);
    expect(endpointName(known.get(a)!)).toBe("Orders");
    expect(endpointName(known.get(b)!)).toBe(`https://${b}.example.com`);
    const calls = upstream.seen.length;
    // Within the minute: no new list, and only the one still unknown is looked up again.
    await endpointDirectory(caller, "org-d1", [a, c, missing]);
    expect(upstream.seen.length - calls).toBe(1);
    await endpointDirectory(caller, "org-d1", [], { fresh: true });
    expect(upstream.seen.length - calls).toBe(3);
  });

  it("looks up at most five unknown endpoints a view", async () => {
    upstream.handle = (req, res) => {
      if (req.url!.includes("/endpoints/?")) return upstream.json(200, page([]))(req, res, "");
      upstream.json(404, { error: { code: "NOT_FOUND", message: "no", status: 404 } })(req, res, "");
    };
    await endpointDirectory(
      caller,
      "org-d3",
      Array.from({ length: 7 }, () => id("E")),
    );
    expect(upstream.seen.filter((c) => !c.url.includes("/endpoints/?"))).toHaveLength(5);
  });

  it("keeps what it knew when Closient fails", async () => {
    const a = id("E");
    upstream.handle = upstream.json(200, page([endpoint(a, "Kept")]));
    await endpointDirectory(caller, "org-d2", []);
    upstream.handle = upstream.json(500, { error: { code: "X", message: "down", status: 500 } });
    const { known, newest } = await endpointDirectory(caller, "org-d2", [], { fresh: true });
    expect(newest.map((e) => e.id)).toEqual([a]);
    expect(known.get(a)?.description).toBe("Kept");
  });
});

describe("a page with rows Closient sent that cannot be read", () => {
  it("answers the others, counts the rest, and logs which and why under the request id", async () => {
    const warn = vi.spyOn(log, "warn");
    const e = id("E");
    upstream.handle = upstream.json(
      200,
      page([endpoint(e), { url: "x", is_active: true }, { ...endpoint("Bad"), is_active: "yes" }]),
    );
    const { data } = await webhooks.listEndpoints(caller, { page: 1, page_size: 50, metadata: {} });
    expect(data.data.map((d) => d.id)).toEqual([e]);
    expect(data.unreadable).toBe(2);
    expect(warn).toHaveBeenCalledWith(
      {
        request_id: "req-services",
        list: "/integrations/api/v1/webhooks/endpoints/",
        rows: [
          {
            index: 1,
            id: null,
            problems: [expect.stringMatching(/^id: /), expect.stringMatching(/^created_at: /)],
          },
          { index: 2, id: "Bad", problems: [expect.stringMatching(/^is_active: /)] },
        ],
      },
      "rows Closient sent could not be read",
    );
    warn.mockClear();
    upstream.handle = upstream.json(200, page([row(e, "delivered")]));
    const deliveries = await webhooks.listDeliveries(caller, { page: 1, page_size: 50 });
    expect(deliveries.data.unreadable).toBe(0);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
