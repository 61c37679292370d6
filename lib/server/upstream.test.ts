import type { ServerResponse } from "node:http";
import { z } from "zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ClosientError } from "@/lib/closient";
import { fakeUpstream, testEnv } from "../../harness/fake-upstream";
import { callUpstream, probeUpstream } from "./upstream";
import { readiness } from "./readiness";
import { log } from "./log";

const upstream = await fakeUpstream();
testEnv(upstream.url);

const caller = { apiKey: "csb_unit", requestId: "req-unit-1" };
const schema = z.object({ ok: z.boolean() });
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ClosientError);
    return error as ClosientError;
  }
  throw new Error("expected a ClosientError");
};

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("a call to Closient", () => {
  it("sends the key, the request id and the body, and reads the answer with the schema", async () => {
    upstream.handle = upstream.json(
      201,
      { ok: true, extra: 1 },
      { "RateLimit-Remaining": "9", "X-Other": "no" },
    );
    const result = await callUpstream(
      caller,
      { method: "POST", path: "/things/", query: new URLSearchParams({ a: "1" }), body: { b: 2 } },
      schema,
    );
    expect(result).toEqual({ status: 201, data: { ok: true }, headers: { "ratelimit-remaining": "9" } });
    const [call] = upstream.seen;
    expect(call).toMatchObject({ method: "POST", url: "/things/?a=1", body: '{"b":2}' });
    expect(call!.headers).toMatchObject({
      "x-api-key": "csb_unit",
      "x-request-id": "req-unit-1",
      accept: "application/json",
      "content-type": "application/json",
    });
  });

  it("sends no body and no content type without a body, and no '?' without a query", async () => {
    upstream.handle = upstream.json(200, { ok: true });
    await callUpstream(caller, { method: "GET", path: "/things/", query: new URLSearchParams() }, schema);
    expect(upstream.seen[0]!.url).toBe("/things/");
    expect(upstream.seen[0]!.headers["content-type"]).toBeUndefined();
    expect(upstream.seen[0]!.body).toBe("");
  });

  it("passes Closient's own refusal on with its status, code, message and rate-limit state", async () => {
    upstream.handle = upstream.json(
      404,
      { error: { code: "NOT_FOUND", message: "No such endpoint.", status: 404, details: null } },
      { "X-RateLimit-Limit": "300" },
    );
    const error = await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema));
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", message: "No such endpoint." });
    expect(error.headers).toEqual({ "x-ratelimit-limit": "300" });
  });

  it("says when to try again after a 429, in seconds", async () => {
    const limited = (seconds: string) =>
      upstream.json(
        429,
        { error: { code: "RATE_LIMITED", message: "Slow down.", status: 429 } },
        { "Retry-After": seconds },
      );
    upstream.handle = limited("7");
    expect((await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).message).toBe(
      "Slow down. Try again in 7 seconds.",
    );
    upstream.handle = limited("1");
    expect((await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).message).toBe(
      "Slow down. Try again in 1 second.",
    );
    upstream.handle = limited("soon");
    expect((await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).message).toBe(
      "Slow down.",
    );
  });

  it("passes a 400 on and calls a 500 Closient's own failure, at the boundaries", async () => {
    upstream.handle = upstream.json(400, {
      error: { code: "BAD_REQUEST", message: "Odd query.", status: 400 },
    });
    expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
      status: 400,
      message: "Odd query.",
    });
    upstream.handle = upstream.json(500, { error: { code: "INTERNAL_ERROR", message: "boom", status: 500 } });
    expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
      status: 502,
      code: "UPSTREAM_UNAVAILABLE",
    });
    // A 3xx is no answer the portal can use, even with a body that fits.
    upstream.handle = upstream.json(300, { ok: true });
    expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
      code: "UPSTREAM_INVALID_RESPONSE",
    });
    upstream.handle = upstream.json(
      429,
      { error: { code: "RATE_LIMITED", message: "Slow down.", status: 429 } },
      { "Retry-After": "0" },
    );
    expect((await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).message).toBe(
      "Slow down.",
    );
  });

  it("turns Closient's own failure into a 502 that says so, keeping the rate-limit headers", async () => {
    upstream.handle = upstream.json(
      503,
      { error: { code: "INTERNAL_ERROR", message: "db down", status: 503 } },
      { "Retry-After": "3" },
    );
    const error = await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema));
    expect(error).toMatchObject({
      status: 502,
      code: "UPSTREAM_UNAVAILABLE",
      message: "Closient answered with an error (HTTP 503). Try again shortly.",
    });
    expect(error.headers).toEqual({ "retry-after": "3" });
  });

  it("calls anything it cannot read a 502 INVALID_RESPONSE: HTML, a wrong shape, a non-envelope error, a redirect", async () => {
    const cases = [
      (_req: unknown, res: ServerResponse) =>
        res.writeHead(200, { "Content-Type": "text/html" }).end("<html>hi</html>"),
      upstream.json(200, { ok: "yes" }),
      upstream.json(400, { message: "bad" }),
      upstream.json(302, { error: { code: "X", message: "moved", status: 302 } }, { Location: "/elsewhere" }),
    ];
    for (const handle of cases) {
      upstream.handle = handle;
      expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
        status: 502,
        code: "UPSTREAM_INVALID_RESPONSE",
      });
    }
  });

  it("gives up at the deadline with 504, and waits longer for a slow call (test, replay)", async () => {
    upstream.handle = (_req, res) => setTimeout(() => upstream.json(200, { ok: true })(_req, res, ""), 500);
    const started = Date.now();
    expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
      status: 504,
      code: "UPSTREAM_TIMEOUT",
    });
    expect(Date.now() - started).toBeLessThan(480);
    expect((await callUpstream(caller, { method: "POST", path: "/x/", slow: true }, schema)).data).toEqual({
      ok: true,
    });
  });

  it("times out a body that stops halfway, and calls a dropped one unreadable", async () => {
    upstream.handle = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write('{"ok":');
    };
    expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
      status: 504,
      code: "UPSTREAM_TIMEOUT",
    });
    upstream.handle = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write('{"ok":');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
      status: 502,
      code: "UPSTREAM_INVALID_RESPONSE",
    });
  });

  it("logs each failed call under the request's id, with its path and never its key", async () => {
    const warn = vi.spyOn(log, "warn");
    upstream.handle = upstream.json(404, { error: { code: "NOT_FOUND", message: "gone", status: 404 } });
    await failure(
      callUpstream(
        caller,
        { method: "GET", path: "/endpoints/abc/", query: new URLSearchParams({ q: "s" }) },
        schema,
      ),
    );
    expect(warn).toHaveBeenCalledWith(
      { request_id: "req-unit-1", upstream: "GET /endpoints/abc/", status: 404, code: "NOT_FOUND" },
      "upstream call failed",
    );
    expect(JSON.stringify(warn.mock.calls)).not.toContain("csb_unit");
    warn.mockRestore();
  });
});

describe("a closed upstream", () => {
  let closedUrl = "";
  beforeAll(async () => {
    const gone = await fakeUpstream();
    closedUrl = gone.url;
    await gone.close();
  });

  it("is a 502 UPSTREAM_UNAVAILABLE, and the readiness probe says it could not be reached", async () => {
    const { env } = await import("./env");
    const e = env();
    const saved = e.upstreamUrl;
    e.upstreamUrl = closedUrl;
    try {
      expect(await failure(callUpstream(caller, { method: "GET", path: "/x/" }, schema))).toMatchObject({
        status: 502,
        code: "UPSTREAM_UNAVAILABLE",
      });
      expect(await probeUpstream(500)).toEqual({ ok: false, reason: "Closient could not be reached." });
    } finally {
      e.upstreamUrl = saved;
    }
  });
});

describe("the readiness probe", () => {
  it("is ready when Closient answers whoami in JSON below 500, with no key sent", async () => {
    upstream.handle = upstream.json(401, { error: { code: "UNAUTHORIZED", message: "no key", status: 401 } });
    expect(await probeUpstream(500)).toEqual({ ok: true });
    expect(upstream.seen[0]!).toMatchObject({ method: "GET", url: "/account/api/v1/whoami" });
    expect(upstream.seen[0]!.headers.accept).toBe("application/json");
    expect(upstream.seen[0]!.headers["x-api-key"]).toBeUndefined();
  });

  it("is not ready on a 5xx, on an answer that is not JSON, or past its deadline", async () => {
    upstream.handle = upstream.json(503, { error: "down" });
    expect(await probeUpstream(500)).toEqual({ ok: false, reason: "Closient answered HTTP 503." });
    upstream.handle = upstream.json(500, { error: "down" });
    expect(await probeUpstream(500)).toEqual({ ok: false, reason: "Closient answered HTTP 500." });
    upstream.handle = (_req, res) =>
      res.writeHead(200, { "Content-Type": "text/html" }).end("<p>maintenance</p>");
    expect(await probeUpstream(500)).toEqual({ ok: false, reason: "Closient's answer was not JSON." });
    upstream.handle = () => undefined; // never answers
    expect(await probeUpstream(200)).toEqual({ ok: false, reason: "Closient did not answer within 0.2 s." });
  });

  it("asks at most once in 5 seconds, then asks again", async () => {
    upstream.handle = upstream.json(401, { error: { code: "UNAUTHORIZED", message: "no key", status: 401 } });
    const t = 1_000_000;
    expect(await readiness(t)).toEqual({
      upstream: { ok: true },
      database: { dialect: "sqlite", status: "ok" },
    });
    await readiness(t + 4_999);
    expect(upstream.seen).toHaveLength(1);
    await readiness(t + 5_000);
    expect(upstream.seen).toHaveLength(2);
  });
});
