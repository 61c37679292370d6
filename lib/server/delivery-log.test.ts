import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadDeliveryLog } from "./delivery-log";
import { endpointRow, fakeUpstream, testEnv } from "../../harness/fake-upstream";

const upstream = await fakeUpstream();
testEnv(upstream.url);

const NOW = Date.parse("2026-12-01T08:00:00.000Z");
const A = "EndpointAAAAAAAAAAAAAA";
const B = "EndpointBBBBBBBBBBBBBB";
const session = (org: string) => ({
  caller: { apiKey: "csb_log", requestId: "req-log" },
  info: {
    organization: { id: org, name: "Org" },
    key_description: "",
    role: "owner",
    actor: { kind: "key" as const, name: "CI key" },
    access: "admin" as const,
    sandbox: true,
  },
});
const endpoint = (id: string, description: string) => endpointRow(id, description);
const delivery = (id: string, endpointId: string, status = "failed") => ({
  id,
  endpoint_id: endpointId,
  event_id: `evt_${id}`,
  event_type: "offer.updated",
  status,
  created_at: new Date(NOW - 60_000).toISOString(),
  http_status_code: 503,
  response_body: "",
  attempts: 1,
  last_attempted_at: null,
});
const page = (data: unknown[], total = data.length) => ({
  data,
  pagination: {
    page: 1,
    page_size: 50,
    total_count: total,
    total_pages: 1,
    has_next: false,
    has_previous: false,
  },
});
const params = (query: string) => new URLSearchParams(query);
const searchOf = (url: string) => new URL(url, "http://x").searchParams;
/** The fake Closient: two endpoints, deliveries of A, and `deadTotal` dead letters when counted. */
function closient({ deadTotal = 7, failCount = false } = {}) {
  upstream.handle = (req, res) => {
    const url = new URL(req.url!, "http://x");
    if (url.pathname.endsWith("/endpoints/")) {
      return upstream.json(200, page([endpoint(A, "Orders"), endpoint(B, "")]))(req, res, "");
    }
    const q = url.searchParams;
    if (q.get("page_size") === "1") {
      if (failCount)
        return upstream.json(500, { error: { code: "X", message: "down", status: 500 } })(req, res, "");
      return upstream.json(200, page([delivery("DDDDDDDDDDDDDDDDDDDDD1", A, "dead_letter")], deadTotal))(
        req,
        res,
        "",
      );
    }
    upstream.json(200, page([delivery("DDDDDDDDDDDDDDDDDDDDD2", A), delivery("DDDDDDDDDDDDDDDDDDDDD3", B)]))(
      req,
      res,
      "",
    );
  };
}
const redirectOf = (error: unknown) => String((error as { digest?: string }).digest);

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("the delivery log's loader", () => {
  it("reads the page of rows, names their endpoints, and counts the dead letters the filters hold", async () => {
    closient();
    const view = await loadDeliveryLog(session("org-l1"), params("event_type=offer.updated&since=24h"), NOW);
    expect(view.list.ok && view.list.data.data.map((d) => d.id)).toEqual([
      "DDDDDDDDDDDDDDDDDDDDD2",
      "DDDDDDDDDDDDDDDDDDDDD3",
    ]);
    expect([...view.labels]).toEqual([
      [A, { name: "Orders", named: true }],
      [B, { name: "https://endpointbbbbbbbbbbbbbb.example.com/hooks", named: true }],
    ]);
    expect(view.choices.map((c) => c.name)).toEqual([
      "Orders",
      "https://endpointbbbbbbbbbbbbbb.example.com/hooks",
    ]);
    expect(view.deadLetters).toBe(7);
    expect(view).toMatchObject({ since: "24h", notice: null, unmatched: null });
    expect(view.chips.map((c) => c.name)).toEqual(["event type", "time"]);
    const rows = upstream.seen
      .map((c) => searchOf(c.url))
      .filter((q) => q.get("page_size") === "50" && q.has("event_type"));
    expect(Object.fromEntries(rows[0]!)).toEqual({
      page: "1",
      page_size: "50",
      event_type: "offer.updated",
      created_after: new Date(NOW - 86_400_000).toISOString(),
    });
    const count = upstream.seen.map((c) => searchOf(c.url)).find((q) => q.get("page_size") === "1");
    expect(count?.get("status")).toBe("dead_letter");
    expect(count?.get("event_type")).toBe("offer.updated");
  });

  it("takes the page's own total when it shows dead letters, and counts none for another status", async () => {
    closient();
    const dead = await loadDeliveryLog(session("org-l2"), params("status=dead_letter"), NOW);
    expect(dead.deadLetters).toBe(2);
    expect(upstream.seen.some((c) => searchOf(c.url).get("page_size") === "1")).toBe(false);
    const failed = await loadDeliveryLog(session("org-l2"), params("status=failed"), NOW);
    expect(failed.deadLetters).toBeNull();
  });

  it("stands without the dead-letter count when that call fails, and says which filters it dropped", async () => {
    closient({ failCount: true });
    const view = await loadDeliveryLog(session("org-l3"), params("status=bogus&page=0"), NOW);
    expect(view.deadLetters).toBeNull();
    expect(view.list.ok).toBe(true);
    expect(view.notice).toBe("Left out of the filters, as they were not valid: page, status.");
  });

  it("keeps the failure, with its reference, when the rows cannot be read", async () => {
    upstream.handle = upstream.json(503, { error: { code: "X", message: "down", status: 503 } });
    const view = await loadDeliveryLog(session("org-l4"), params(""), NOW);
    expect(view.list).toEqual({
      ok: false,
      message: "Closient answered with an error (HTTP 503). Try again shortly. Reference: req-log",
    });
    expect(view.deadLetters).toBeNull();
    const dead = await loadDeliveryLog(session("org-l4"), params("status=dead_letter"), NOW);
    expect(dead).toMatchObject({ list: { ok: false }, deadLetters: null });
  });

  it("turns a typed endpoint into its id with one redirect, or keeps what matched nothing", async () => {
    closient();
    const to = async (query: string) =>
      redirectOf(await loadDeliveryLog(session("org-l5"), params(query), NOW).catch((e: unknown) => e));
    expect(await to("endpoint=orders&status=failed&event_type=")).toContain(
      `/deliveries?status=failed&endpoint_id=${A}`,
    );
    expect(await to(`endpoint=${B}`)).toContain(`/deliveries?endpoint_id=${B}`);
    expect(await to("endpoint=nothing-like-it")).toContain("/deliveries?endpoint_unmatched=nothing-like-it");
    expect(await to("endpoint=%20")).toMatch(/;\/deliveries;/);
    expect(await to(`endpoint=${"z".repeat(150)}`)).toContain(`endpoint_unmatched=${"z".repeat(100)};`);
    const unmatched = await loadDeliveryLog(
      session("org-l5"),
      params("endpoint_unmatched=nothing-like-it"),
      NOW,
    );
    expect(unmatched).toMatchObject({ unmatched: "nothing-like-it" });
    expect(unmatched.notice).toBe(
      "No single endpoint matches “nothing-like-it”: pick one from the list, or paste its id.",
    );
  });

  it("names the filtered endpoint even when no row shows it", async () => {
    upstream.handle = (req, res) => {
      const url = new URL(req.url!, "http://x");
      if (url.pathname.endsWith("/endpoints/"))
        return upstream.json(200, page([endpoint(B, "Billing")]))(req, res, "");
      upstream.json(200, page([]))(req, res, "");
    };
    const view = await loadDeliveryLog(session("org-l6"), params(`endpoint_id=${B}`), NOW);
    expect(view.labels.get(B)).toEqual({ name: "Billing", named: true });
    expect(view.chips).toEqual([{ name: "endpoint", value: "Billing", href: "/deliveries" }]);
  });
});
