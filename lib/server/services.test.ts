import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deliveryRow, endpointRow, fakeUpstream, pageOf, testEnv, testId } from "../../harness/fake-upstream";
import { endpointName } from "@/lib/endpoints/names";
import { endpointDirectory } from "./endpoint-directory";
import { webhooks } from "./webhooks";
import { log } from "./log";

const upstream = await fakeUpstream();
testEnv(upstream.url);

const NOW = Date.parse("2026-12-01T08:00:00.000Z");
const caller = { apiKey: "csb_services", requestId: "req-services" };
const id = testId;
const row = (endpoint: string, status: string, extra: Record<string, unknown> = {}) =>
  deliveryRow(endpoint, status, NOW, extra);
const endpoint = (eid: string, description = "") =>
  endpointRow(eid, description, `https://${eid}.example.com`);
const page = pageOf;
const query = (i: number) => new URL(upstream.seen[i]!.url, "http://x").searchParams;

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

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

describe("the signing secret", () => {
  it("is masked in every endpoint answer but create and rotate, whatever Closient sends", async () => {
    const full = "f".repeat(64);
    const [a, b] = [id("E"), id("E")];
    const withSecret = (eid: string, secret: string) => ({ ...endpoint(eid), signing_secret: secret });
    upstream.handle = (req, res) => {
      const url = new URL(req.url!, "http://x");
      const answer = url.pathname.endsWith("/endpoints/")
        ? page([withSecret(a, full), withSecret(b, "")])
        : withSecret(a, full);
      upstream.json(200, answer)(req, res, "");
    };
    const list = await webhooks.listEndpoints(caller, { page: 1, page_size: 50, metadata: {} });
    expect(list.data.data.map((e) => e.signing_secret)).toEqual(["ffffffff...", ""]);
    expect((await webhooks.getEndpoint(caller, a)).data.signing_secret).toBe("ffffffff...");
    expect((await webhooks.updateEndpoint(caller, a, { description: "x" })).data.signing_secret).toBe(
      "ffffffff...",
    );
    // The one reveal: rotate hands the full secret on, for the dialog alone.
    expect((await webhooks.rotateSecret(caller, a)).data.signing_secret).toBe(full);
  });
});
