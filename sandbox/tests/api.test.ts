import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE, generateApiKey, newShortUuid } from "../../lib/closient";
import { parseSandboxKeys } from "../../lib/closient/sandbox-keys";
import { sandboxClient } from "../../harness/sandbox-client";
import { startTestSandbox, type TestSandbox } from "../../harness/sandbox-in-process";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const create = (body: Record<string, unknown> = {}) =>
  t.a.post("webhooks/endpoints/", { url: "https://receiver.example/hooks", ...body });

describe("authentication", () => {
  it("refuses a missing, malformed or unknown key with 401 in the envelope", async () => {
    for (const key of [null, "nope", generateApiKey("csb")]) {
      const res = await sandboxClient(t.sandbox.url, key).get("webhooks/endpoints/");
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: "UNAUTHORIZED", message: expect.any(String), status: 401, details: null },
      });
    }
  });

  it("refuses publishable keys on webhook operations with 403", async () => {
    const res = await sandboxClient(t.sandbox.url, t.keys.publishable).get("webhooks/endpoints/");
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
  });

  it("tells who is calling", async () => {
    const res = await t.a.get("/account/api/v1/whoami");
    expect(res.status).toBe(200);
    expect(res.body.organizations).toHaveLength(1);
    expect(res.body.api_key).toMatchObject({ role: "owner", description: "Sandbox key" });
    expect(JSON.stringify(res.body)).not.toContain(t.keys.orgA);
  });
});

describe("several keys per organization, and user keys", () => {
  it("shares one organization among the keys joined by +, and names a user key's user", async () => {
    const business = generateApiKey("csb");
    const alice = generateApiKey("csu");
    const bob = generateApiKey("csu");
    const other = generateApiKey("csb");
    const config = `${business}+${alice}:alice+ops@brand.example+${bob}:bob@brand.example,${other}`;
    const orgs = parseSandboxKeys(config)!;
    expect(orgs.map((o) => o.length)).toEqual([3, 1]);
    const own = await startTestSandbox({ CLOSIENT_SANDBOX_API_KEYS: orgs });
    try {
      const who = async (key: string) =>
        (await sandboxClient(own.sandbox.url, key).get("/account/api/v1/whoami")).body;
      const [b, a, c, o] = await Promise.all([who(business), who(alice), who(bob), who(other)]);
      // One organization for the three keys; another for the fourth.
      expect(new Set([b, a, c].map((w) => w.organizations[0].id)).size).toBe(1);
      expect(o.organizations[0].id).not.toBe(b.organizations[0].id);
      // A user key names its user (an email with a plus, too); a business key names none.
      expect([a.email, c.email, b.email]).toEqual(["alice+ops@brand.example", "bob@brand.example", null]);
      expect(a.user_id).toMatch(/^[23456789A-HJ-NP-Za-km-z]{22}$/);
      expect(a.user_id).not.toBe(c.user_id);
      expect(a.api_key.id).not.toBe(b.api_key.id);
      // What one key creates, every key of its organization sees.
      const made = await sandboxClient(own.sandbox.url, alice).post("webhooks/endpoints/", {
        url: "https://shared.example/hooks",
      });
      const seen = await sandboxClient(own.sandbox.url, bob).get(`webhooks/endpoints/${made.body.id}/`);
      expect(seen.status).toBe(200);
      expect(
        (await sandboxClient(own.sandbox.url, other).get(`webhooks/endpoints/${made.body.id}/`)).status,
      ).toBe(404);
    } finally {
      await own.close();
    }
  });

  it("refuses a malformed configuration: an email on a business key, or a bad checksum", () => {
    expect(parseSandboxKeys(`${generateApiKey("csb")}:a@b.example`)).toBeNull();
    expect(parseSandboxKeys(`${generateApiKey("csu")}:not-an-email`)).toBeNull();
    expect(parseSandboxKeys("csb_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_00000000")).toBeNull();
    expect(parseSandboxKeys(` ${generateApiKey("csb")} , `)).toHaveLength(1);
  });
});

describe("endpoints", () => {
  it("creates with the full secret once, then masks it everywhere", async () => {
    const created = await create({ description: "staging", event_types: ["offer.updated"] });
    expect(created.status).toBe(201);
    expect(created.body.signing_secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const masked = `${created.body.signing_secret.slice(0, 8)}...`;
    const got = await t.a.get(`webhooks/endpoints/${created.body.id}/`);
    expect(got.body.signing_secret).toBe(masked);
    const updated = await t.a.patch(`webhooks/endpoints/${created.body.id}/`, { description: "x" });
    expect(updated.body.signing_secret).toBe(masked);
    const list = await t.a.get("webhooks/endpoints/");
    expect(JSON.stringify(list.body)).not.toContain(created.body.signing_secret);
  });

  it("updates only what is sent; null leaves a field alone", async () => {
    const { body: ep } = await create({ description: "before", event_types: ["offer.updated"] });
    const res = await t.a.patch(`webhooks/endpoints/${ep.id}/`, {
      description: null,
      event_types: ["product.recalled"],
      is_active: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: "before",
      event_types: ["product.recalled"],
      is_active: false,
      url: ep.url,
    });
    expect(res.body.updated_at >= ep.updated_at).toBe(true);
  });

  it("rotates to a new full secret", async () => {
    const { body: ep } = await create();
    const rotated = await t.a.post(`webhooks/endpoints/${ep.id}/rotate-secret/`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.signing_secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.signing_secret).not.toBe(ep.signing_secret);
  });

  it("answers bad input with 400, 422 details, 404, 405 and 413", async () => {
    const malformed = await t.a.call("POST", "webhooks/endpoints/", undefined, "{not json");
    expect(malformed.status).toBe(400);
    const array = await t.a.call("POST", "webhooks/endpoints/", undefined, "[]");
    expect(array.status).toBe(400);
    const invalid = await t.a.post("webhooks/endpoints/", {
      url: "ftp://x",
      description: "d".repeat(256),
      event_types: ["offer.updated", "Offer"],
      metadata: { ["k".repeat(41)]: "v" },
      extra: true,
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("VALIDATION_ERROR");
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ["description", "event_types.1", "extra", `metadata.${"k".repeat(41)}`, "url"].sort(),
    );
    expect((await t.a.get("webhooks/endpoints/not-an-id/")).status).toBe(404);
    expect((await t.a.get(`webhooks/endpoints/${newShortUuid()}/`)).status).toBe(404);
    expect((await t.a.get("webhooks/endpoints")).status).toBe(404); // documented paths end in "/"
    const wrongMethod = await t.a.call("DELETE", "webhooks/endpoints/");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe("METHOD_NOT_ALLOWED");
    const huge = await t.a.call(
      "POST",
      "webhooks/endpoints/",
      undefined,
      JSON.stringify({ url: "https://e.com", description: "x".repeat(1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("BAD_REQUEST");
  });

  it("answers every oversized body with its 413 and keeps the connection for the next request", async () => {
    // One socket, reused: a refusal that closed it with the body unread could lose the 413 to a
    // reset; one that left the body unread would break the request after it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          `${t.sandbox.url}${API_BASE}/${path}`,
          { method, agent, headers: { "X-API-Key": t.keys.orgA, "Content-Type": "application/json" } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const big = JSON.stringify({ url: "https://e.com", description: "x".repeat(8 * 1024 * 1024) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(await send("POST", "webhooks/endpoints/", big));
      statuses.push(await send("GET", "webhooks/endpoints/?limit=1"));
    }
    agent.destroy();
    expect(statuses).toEqual(Array.from({ length: 10 }, () => [413, 200]).flat());
  });

  it("keeps organizations apart", async () => {
    const { body: ep } = await create();
    expect((await t.b.get(`webhooks/endpoints/${ep.id}/`)).status).toBe(404);
    expect((await t.b.patch(`webhooks/endpoints/${ep.id}/`, { description: "mine" })).status).toBe(404);
    expect((await t.b.post(`webhooks/endpoints/${ep.id}/rotate-secret/`)).status).toBe(404);
    const listB = await t.b.get("webhooks/endpoints/");
    expect(listB.body.data.map((e: { id: string }) => e.id)).not.toContain(ep.id);
  });
});

describe("metadata merge over HTTP", () => {
  it('sets, overwrites, deletes with "", keeps omitted keys and clears with {} and null', async () => {
    const { body: ep } = await create({ metadata: { a: "1", b: "2", c: "3", skip: "" } });
    expect(ep.metadata).toEqual({ a: "1", b: "2", c: "3" });
    const path = `webhooks/endpoints/${ep.id}/`;
    expect((await t.a.patch(path, { metadata: { a: "9", b: "", d: "4" } })).body.metadata).toEqual({
      a: "9",
      c: "3",
      d: "4",
    });
    expect((await t.a.patch(path, { description: "no metadata" })).body.metadata).toEqual({
      a: "9",
      c: "3",
      d: "4",
    });
    expect((await t.a.patch(path, { metadata: {} })).body.metadata).toEqual({});
    await t.a.patch(path, { metadata: { x: "1" } });
    expect((await t.a.patch(path, { metadata: null })).body.metadata).toEqual({});
  });

  it("enforces 50 keys after the merge, 40-character keys and 500-character values", async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, "v"]));
    const { body: ep, status } = await create({ metadata: fifty });
    expect(status).toBe(201);
    const path = `webhooks/endpoints/${ep.id}/`;
    const over = await t.a.patch(path, { metadata: { one_more: "v" } });
    expect(over.status).toBe(422);
    expect(over.body.error.details).toEqual([{ field: "metadata", message: "At most 50 metadata keys." }]);
    // Swapping a key stays within the limit.
    expect((await t.a.patch(path, { metadata: { key0: "", one_more: "v" } })).status).toBe(200);
    expect(
      (await t.a.patch(path, { metadata: { ["k".repeat(40)]: "v".repeat(500), key1: "" } })).status,
    ).toBe(200);
    const longValue = await t.a.patch(path, { metadata: { k: "v".repeat(501) } });
    expect(longValue.status).toBe(422);
    expect(longValue.body.error.details[0].field).toBe("metadata.k");
  });
});

describe("pagination and filters", () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
    for (let i = 0; i < 7; i++) {
      await s.a.post("webhooks/endpoints/", {
        url: `https://r.example/${i}`,
        metadata: { env: i % 2 ? "prod" : "staging", team: i < 4 ? "core" : "edge" },
      });
    }
  });
  afterAll(() => s.close());

  it("walks pages newest first with correct totals, and past the end is empty", async () => {
    const first = await s.a.get("webhooks/endpoints/?page_size=3");
    expect(first.body.pagination).toEqual({
      page: 1,
      page_size: 3,
      total_count: 7,
      total_pages: 3,
      has_next: true,
      has_previous: false,
    });
    expect(first.body.data.map((e: { url: string }) => e.url)).toEqual([
      "https://r.example/6",
      "https://r.example/5",
      "https://r.example/4",
    ]);
    const last = await s.a.get("webhooks/endpoints/?page_size=3&page=3");
    expect(last.body.data).toHaveLength(1);
    expect(last.body.pagination).toMatchObject({ has_next: false, has_previous: true });
    const past = await s.a.get("webhooks/endpoints/?page_size=3&page=9");
    expect(past.status).toBe(200);
    expect(past.body.data).toEqual([]);
    expect(past.body.pagination.total_count).toBe(7);
  });

  it("refuses page 0 and page sizes outside 1–50", async () => {
    for (const q of ["page=0", "page_size=0", "page_size=51", "page=x"]) {
      const res = await s.a.get(`webhooks/endpoints/?${q}`);
      expect(res.status, q).toBe(422);
    }
  });

  it("ANDs several metadata filters", async () => {
    const prod = await s.a.get("webhooks/endpoints/?metadata[env]=prod");
    expect(prod.body.pagination.total_count).toBe(3);
    const both = await s.a.get("webhooks/endpoints/?metadata[env]=prod&metadata[team]=edge");
    expect(both.body.data.map((e: { url: string }) => e.url)).toEqual(["https://r.example/5"]);
    const none = await s.a.get("webhooks/endpoints/?metadata[env]=nope");
    expect(none.body.data).toEqual([]);
  });
});

describe("rate limits", () => {
  it("sends the documented headers and 429 with Retry-After past the limit", async () => {
    const s = await startTestSandbox({ SANDBOX_RATE_LIMIT_PER_MINUTE: 3 });
    try {
      const ok = await s.a.get("webhooks/endpoints/");
      expect(ok.headers.get("ratelimit-policy")).toBe("3;w=60, 1000000;w=86400");
      expect(ok.headers.get("ratelimit-remaining")).toBe("2");
      expect(ok.headers.get("x-ratelimit-limit")).toBe("3");
      expect(Number(ok.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
      await s.a.get("webhooks/endpoints/");
      await s.a.get("webhooks/endpoints/");
      const limited = await s.a.get("webhooks/endpoints/");
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another key has its own budget.
      expect((await s.b.get("webhooks/endpoints/")).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe("hostile input", () => {
  it("never answers client input with a 500", async () => {
    const { body: ep } = await create();
    const bodies = [
      "null",
      "1e999",
      '"string"',
      "{}",
      '{"url": {"nested": true}}',
      '{"url": "https://e.com", "metadata": {"k": 1}}',
      '{"url": "https://e.com", "metadata": []}',
      '{"url": "https://e.com", "event_types": "offer.updated"}',
      '{"url": "https://e.com", "event_types": [null, 3, {}]}',
      '{"url": "https://e.com", "is_active": "yes"}',
      '{"url": "https://\\u0000.com"}',
      '{"url": "https://e.com", "description": null, "metadata": null}',
      '{"__proto__": {"polluted": true}, "url": "https://e.com"}',
      '{"url": "https://e.com", "metadata": {"__proto__": "x", "constructor": "y"}}',
      "\uFEFF{}",
      "{".repeat(5000),
    ];
    const paths: [string, string][] = [
      ["POST", "webhooks/endpoints/"],
      ["PATCH", `webhooks/endpoints/${ep.id}/`],
      ["POST", "/_sandbox/events"],
    ];
    for (const [method, path] of paths) {
      for (const raw of bodies) {
        const res = await t.a.call(method, path, undefined, raw);
        expect(res.status, `${method} ${path} ${raw.slice(0, 40)}`).toBeLessThan(500);
        expect(res.body.error?.code ?? "ok").not.toBe("INTERNAL_ERROR");
      }
    }
    const queries = [
      "page=1e999",
      "page=-1",
      "page=1.5",
      "page_size=NaN",
      "metadata[]=x",
      "metadata[k]=" + "v".repeat(600),
      "metadata[" + "k".repeat(60) + "]=v",
      "status[]=failed",
      "created_after=yesterday",
      "created_before=2026-13-45T99:99:99Z",
      "event_type=" + "x".repeat(200),
      "endpoint_id=../../etc",
      "page=%00",
    ];
    for (const q of queries) {
      for (const path of ["webhooks/endpoints/", "webhooks/deliveries/"]) {
        const res = await t.a.get(`${path}?${q}`);
        expect(res.status, `${path}?${q}`).toBeLessThan(500);
      }
    }
    expect((await t.a.get(`webhooks/endpoints/${ep.id}/`)).body.metadata).not.toHaveProperty("polluted");
  });
});
