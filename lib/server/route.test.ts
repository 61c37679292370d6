import { NextRequest } from "next/server";
import { z } from "zod";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ClosientError, closientError } from "@/lib/closient";
import { seal } from "@/lib/server/session-seal";
import { fakeUpstream, testEnv } from "../../harness/fake-upstream";
import * as route from "./route";
import { log } from "./log";
import { SESSION_COOKIE } from "./session";

/** The cookie jar Next would give a route; what the route writes to it is kept. */
const written: { name: string; value: string; maxAge?: number }[] = [];
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: () => undefined,
      set: (name: string, value: string, options: { maxAge?: number }) =>
        written.push({ name, value, ...options }),
    }),
  headers: () => Promise.resolve(new Headers()),
}));

const upstream = await fakeUpstream();
testEnv(upstream.url);

const URL_ = "http://portal.test/api/webhooks/endpoints";
const sealed = () =>
  seal(
    { key: "csb_route_key", org: { id: "org1", name: "Org" }, desc: "d", role: "owner" },
    process.env.SESSION_SECRET!,
    { maxAgeSeconds: 600 },
  );
const request = (init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(URL_, init);
const envelope = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

beforeEach(() => {
  written.length = 0;
});
afterAll(() => upstream.close());

describe("where a mutation may come from", () => {
  const check = (headers: Record<string, string>) => () =>
    route.assertSameOrigin(new Request(URL_, { headers }));
  it("accepts the portal's own pages and clients that are not browsers", () => {
    expect(check({ "sec-fetch-site": "same-origin" })).not.toThrow();
    expect(check({})).not.toThrow();
    expect(check({ origin: "http://portal.test", host: "portal.test" })).not.toThrow();
  });
  it("refuses other sites, sibling sites, and origins that do not match", () => {
    for (const headers of <Record<string, string>[]>[
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://evil.test", host: "portal.test" },
      { origin: "null", host: "portal.test" },
      { origin: "http://portal.test" },
    ]) {
      expect(check(headers), JSON.stringify(headers)).toThrow(
        expect.objectContaining({
          status: 403,
          code: "FORBIDDEN",
          message: "Cross-site requests are refused.",
        }),
      );
    }
  });
});

describe("reading a body", () => {
  const schema = z.strictObject({ name: z.string().max(3) });
  const read = (headers: Record<string, string>, body: string) =>
    route.readBody(new Request(URL_, { method: "POST", headers, body }), schema);
  const json = { "content-type": "application/json; charset=utf-8" };

  it("reads JSON that fits the schema, with or without parameters", async () => {
    await expect(read(json, '{"name":"abc"}')).resolves.toEqual({ name: "abc" });
    await expect(read({ "content-type": "application/json" }, '{"name":"abc"}')).resolves.toEqual({
      name: "abc",
    });
    await expect(
      read({ "content-type": "Application/JSON ; charset=utf-8" }, '{"name":"a"}'),
    ).resolves.toEqual({
      name: "a",
    });
  });

  it("refuses types that only look like JSON", async () => {
    for (const type of ["text/application/json", "application/jsonx", "application/json-patch+json"]) {
      await expect(read({ "content-type": type }, "{}"), type).rejects.toMatchObject({
        status: 415,
        message: "Send the body as JSON, with Content-Type: application/json.",
      });
    }
  });

  it("takes a body of exactly 1 MiB", async () => {
    const body = `{"name":"${"x".repeat(1024 * 1024 - 11)}"}`;
    expect(body.length).toBe(1024 * 1024);
    const loose = z.object({ name: z.string() });
    await expect(
      route.readBody(
        new Request(URL_, {
          method: "POST",
          headers: { ...json, "content-length": String(body.length) },
          body,
        }),
        loose,
      ),
    ).resolves.toMatchObject({ name: expect.any(String) });
  });

  it("reads a route's query with the shared schema, metadata gathered", () => {
    const schema = z.object({
      page: z.coerce.number(),
      metadata: z.record(z.string(), z.string()).optional(),
    });
    expect(route.readQuery(new NextRequest(`${URL_}?page=2&metadata[env]=prod`), schema)).toEqual({
      page: 2,
      metadata: { env: "prod" },
    });
  });
  it("refuses another content type with 415 before reading it", async () => {
    await expect(read({ "content-type": "text/plain" }, '{"name":"abc"}')).rejects.toMatchObject({
      status: 415,
      code: "BAD_REQUEST",
    });
    await expect(read({}, "{}")).rejects.toMatchObject({ status: 415 });
  });
  it("refuses a body over 1 MiB, declared or sent, with 413", async () => {
    const big = `{"name":"${"x".repeat(1024 * 1024)}"}`;
    await expect(read({ ...json, "content-length": String(2 * 1024 * 1024) }, "{}")).rejects.toMatchObject({
      status: 413,
      code: "BAD_REQUEST",
      message: "The body is larger than 1 MiB.",
    });
    await expect(read(json, big)).rejects.toMatchObject({ status: 413 });
  });
  it("answers malformed JSON with 400 and a schema failure with 422 and details", async () => {
    await expect(read(json, "{")).rejects.toMatchObject({ status: 400 });
    await expect(read(json, '{"name":"abcd","x":1}')).rejects.toMatchObject({
      status: 422,
      code: "VALIDATION_ERROR",
      details: expect.arrayContaining([expect.objectContaining({ field: "name" })]),
    });
  });
});

describe("the one error envelope", () => {
  it("answers a ClosientError with its status, envelope, headers and no-store", async () => {
    const res = await route.withErrors(request(), () =>
      Promise.reject(new ClosientError(429, "RATE_LIMITED", "Slow down.", null, { "Retry-After": "3" })),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      error: { code: "RATE_LIMITED", message: "Slow down.", status: 429, details: null },
    });
  });

  it("answers anything else with 500 and logs its message under the request id, never its stack", async () => {
    const error = vi.spyOn(log, "error");
    const res = await route.withErrors(request({ headers: { "x-request-id": "req-500" } }), () =>
      Promise.reject(new TypeError("boom")),
    );
    expect(res.status).toBe(500);
    expect(await envelope(res)).toMatchObject({
      code: "INTERNAL_ERROR",
      message: "Unexpected server error.",
    });
    expect(error).toHaveBeenCalledWith({ request_id: "req-500", error: "TypeError: boom" }, "route failed");
    await route.withErrors(request({ headers: { "x-request-id": "req-odd" } }), () =>
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- no Error, on purpose
      Promise.reject("a string"),
    );
    expect(error).toHaveBeenLastCalledWith({ request_id: "req-odd", error: "thrown value" }, "route failed");
    error.mockRestore();
  });

  it("refuses methods a route does not serve with 405 and Allow", async () => {
    const { PUT } = route.otherMethods("GET", "POST");
    const res = PUT(new Request(URL_, { method: "PUT" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(await envelope(res)).toEqual({
      code: "METHOD_NOT_ALLOWED",
      message: "Use GET or POST.",
      status: 405,
      details: null,
    });
  });

  it("answers an id that cannot exist with 404, without a call", () => {
    expect(route.pathId({ id: "EndpointAAAAAAAAAAAAAA" }, "id")).toBe("EndpointAAAAAAAAAAAAAA");
    expect(() => route.pathId({ id: "nope" }, "id")).toThrow(
      expect.objectContaining({
        status: 404,
        code: "NOT_FOUND",
        message: "The requested resource was not found.",
      }),
    );
    expect(() => route.pathId({}, "id")).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("never lets an answer be cached", () => {
    const res = route.json({ a: 1 }, { status: 201, headers: { "X-A": "b" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-a")).toBe("b");
    expect(route.json(null).status).toBe(200);
  });
});

describe("a proxy route", () => {
  const context = { params: Promise.resolve({ endpointId: "EndpointAAAAAAAAAAAAAA" }) };

  it("answers 401 without a session, before its handler runs", async () => {
    const handler = vi.fn();
    const res = await route.proxyRoute(handler)(request(), context);
    expect(res.status).toBe(401);
    expect(await envelope(res)).toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a cross-site mutation with 403 even with a session", async () => {
    const handler = vi.fn();
    const cookie = `${SESSION_COOKIE}=${await sealed()}`;
    const res = await route.proxyRoute(handler, { mutating: true })(
      request({ method: "POST", headers: { cookie, "sec-fetch-site": "cross-site" } }),
      context,
    );
    expect(res.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    // A read is not a mutation: the same request as a GET is served.
    const read = await route.proxyRoute(() => ({ data: 1 }))(
      request({ headers: { cookie, "sec-fetch-site": "cross-site" } }),
      context,
    );
    expect(read.status).toBe(200);
  });

  it("calls its handler with the session's key and the request's id, and answers no-store", async () => {
    const cookie = `${SESSION_COOKIE}=${await sealed()}`;
    const handler = vi.fn(() => ({ data: { made: true }, status: 201, headers: { "X-Made": "yes" } }));
    const res = await route.proxyRoute(handler)(
      request({ headers: { cookie, "x-request-id": "req-proxy" } }),
      context,
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ made: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-made")).toBe("yes");
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({
        caller: { apiKey: "csb_route_key", requestId: "req-proxy" },
        params: { endpointId: "EndpointAAAAAAAAAAAAAA" },
      }),
    );
    expect(written, "a fresh seal is not sealed again").toEqual([]);
  });

  it("seals a session in use again at most once a minute", async () => {
    const old = await seal(
      { key: "csb_route_key", org: { id: "org1", name: "Org" }, desc: "d", role: "owner" },
      process.env.SESSION_SECRET!,
      { maxAgeSeconds: 600, now: new Date(Date.now() - 120_000) },
    );
    const serve = route.proxyRoute(() => ({ data: 1 }));
    const cookie = `${SESSION_COOKIE}=${old}`;
    expect((await serve(request({ headers: { cookie } }), context)).status).toBe(200);
    expect(written).toEqual([expect.objectContaining({ name: SESSION_COOKIE, maxAge: 8 * 3600 })]);
    expect(written[0]!.value).not.toBe(old);
    // The same old cookie again within the minute: not sealed a second time.
    await serve(request({ headers: { cookie } }), context);
    expect(written).toHaveLength(1);
  });

  it("ends the session when Closient no longer accepts the key", async () => {
    const cookie = `${SESSION_COOKIE}=${await sealed()}`;
    const res = await route.proxyRoute(() => {
      throw new ClosientError(401, "UNAUTHORIZED", "Key revoked.");
    })(request({ headers: { cookie } }), context);
    expect(res.status).toBe(401);
    expect(written).toEqual([expect.objectContaining({ name: SESSION_COOKIE, value: "", maxAge: 0 })]);
  });

  it("keeps the session on other failures", async () => {
    const cookie = `${SESSION_COOKIE}=${await sealed()}`;
    const res = await route.proxyRoute(() => {
      throw closientError(404, "NOT_FOUND");
    })(request({ headers: { cookie } }), context);
    expect(res.status).toBe(404);
    expect(written).toEqual([]);
  });
});
