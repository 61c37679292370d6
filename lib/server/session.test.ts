import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closientError } from "@/lib/closient";
import { seal } from "@/lib/server/session-seal";
import { fakeUpstream, testEnv } from "../../harness/fake-upstream";
import * as session from "./session";
import { signIn } from "./sign-in";
import { load } from "./load";
import { requestIdOf } from "./caller";

/** Next's cookie jar and request headers, as a server component or a route sees them. */
const jar = new Map<string, string>();
const written: { name: string; value: string; maxAge?: number; httpOnly?: boolean; sameSite?: string }[] = [];
const requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string, options: Record<string, unknown>) => {
        written.push({ name, value, ...options });
        jar.set(name, value);
      },
    }),
  headers: () => Promise.resolve(requestHeaders),
}));

const upstream = await fakeUpstream();
testEnv(upstream.url);
const PREVIOUS = "previous-session-secret-0123456789abcdef";
process.env.SESSION_SECRET_PREVIOUS = PREVIOUS;

const claims = { key: "csb_session_key", org: { id: "org1", name: "Org" }, desc: "CI key", role: "owner" };
const secret = process.env.SESSION_SECRET!;
const redirectOf = (error: unknown) => String((error as { digest?: string }).digest);

beforeEach(() => {
  jar.clear();
  written.length = 0;
  requestHeaders.delete("x-request-id");
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("the request id", () => {
  it("keeps a sane id and replaces anything else with a new one", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "abc-123_x.y:z" }))).toBe("abc-123_x.y:z");
    for (const odd of ["", "has space", "<script>", "x".repeat(129), "-leading-dash"]) {
      expect(requestIdOf(new Headers({ "x-request-id": odd })), odd).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the session", () => {
  it("opens a sealed cookie for a server component, with the request's id for its calls", async () => {
    jar.set(session.SESSION_COOKIE, await seal(claims, secret, { maxAgeSeconds: 600 }));
    requestHeaders.set("x-request-id", "req-page");
    expect(await session.currentSession()).toEqual({
      caller: { apiKey: "csb_session_key", requestId: "req-page" },
      info: {
        organization: { id: "org1", name: "Org" },
        key_description: "CI key",
        role: "owner",
        // A cookie sealed before the actor was kept names the key by its description.
        actor: { kind: "key", name: "CI key" },
        access: "admin" as const,
        sandbox: false,
      },
    });
  });

  it("is null without a cookie, with a tampered one, or with one sealed by another secret", async () => {
    expect(await session.currentSession()).toBeNull();
    const token = await seal(claims, secret, { maxAgeSeconds: 600 });
    jar.set(session.SESSION_COOKIE, `${token.slice(0, -4)}AAAA`);
    expect(await session.currentSession()).toBeNull();
    jar.set(
      session.SESSION_COOKIE,
      await seal(claims, "another-secret-0123456789abcdef0123", { maxAgeSeconds: 600 }),
    );
    expect(await session.currentSession()).toBeNull();
    jar.set(session.SESSION_COOKIE, await seal({ key: "only a key" }, secret, { maxAgeSeconds: 600 }));
    expect(await session.currentSession()).toBeNull();
  });

  it("dies at its seal's own expiry, though it was opened a moment before", async () => {
    const token = await seal(claims, secret, { maxAgeSeconds: 2 });
    jar.set(session.SESSION_COOKIE, token);
    expect(await session.currentSession()).not.toBeNull();
    vi.useFakeTimers({ now: Date.now() + 3_000, toFake: ["Date"] });
    try {
      expect(await session.currentSession()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("opens a cookie sealed with the previous secret, marked to be sealed again at once", async () => {
    const token = await seal(claims, PREVIOUS, { maxAgeSeconds: 600 });
    const request = new NextRequest("http://portal.test/", {
      headers: { cookie: `${session.SESSION_COOKIE}=${token}` },
    });
    expect(await session.readRequestSession(request)).toMatchObject({
      apiKey: "csb_session_key",
      sealedAt: 0,
    });
    const current = await seal(claims, secret, { maxAgeSeconds: 600 });
    const fresh = new NextRequest("http://portal.test/", {
      headers: { cookie: `${session.SESSION_COOKIE}=${current}` },
    });
    expect((await session.readRequestSession(fresh))?.sealedAt).toBeGreaterThan(Date.now() - 5_000);
  });

  it("seals a session into an http-only, same-site cookie, and ends it", async () => {
    await session.saveSession({
      apiKey: "csb_k",
      organization: { id: "o", name: "O" },
      keyDescription: "",
      role: "",
      actor: { kind: "key", id: "k1", name: "Deploy" },
      access: "admin" as const,
      grant: null,
    });
    expect(written[0]).toMatchObject({
      name: session.SESSION_COOKIE,
      httpOnly: true,
      sameSite: "lax",
      maxAge: 8 * 3600,
    });
    expect((await session.currentSession())?.caller.apiKey).toBe("csb_k");
    await session.destroySession();
    expect(written[1]).toMatchObject({ name: session.SESSION_COOKIE, value: "", maxAge: 0, path: "/" });
    expect(written[0]).toMatchObject({ path: "/" });
  });
});

describe("signing in", () => {
  const whoami = (organizations: unknown[]) =>
    upstream.json(200, {
      user_id: null,
      email: null,
      organizations,
      api_key: { created: "", description: "Deploy key", id: "k", role: "admin" },
    });

  it("asks Closient who the key is, with the request's id, and starts a session", async () => {
    upstream.handle = whoami([{ id: "orgZ", name: "Brand" }]);
    const info = await signIn({ apiKey: "csb_new", requestId: "req-sign-in" });
    expect(info).toEqual({
      organization: { id: "orgZ", name: "Brand" },
      key_description: "Deploy key",
      role: "admin",
      actor: { kind: "key", name: "Deploy key" },
      access: "admin" as const,
      sandbox: false,
    });
    expect(upstream.seen[0]!.headers).toMatchObject({
      "x-api-key": "csb_new",
      "x-request-id": "req-sign-in",
    });
    expect((await session.currentSession())?.caller.apiKey).toBe("csb_new");
  });

  it("names a user key's user by email, and a key without a description by its id, never the key", async () => {
    upstream.handle = upstream.json(200, {
      user_id: "u1",
      email: "alice@brand.example",
      organizations: [{ id: "orgU", name: "U" }],
      api_key: { created: "", description: "Alice's key", id: "k9", role: "owner" },
    });
    expect((await signIn({ apiKey: "csu_alice", requestId: "r" })).actor).toEqual({
      kind: "user",
      name: "alice@brand.example",
    });
    upstream.handle = upstream.json(200, {
      organizations: [{ id: "orgK", name: "K" }],
      api_key: { created: "", description: "", id: "k7", role: "owner" },
    });
    const info = await signIn({ apiKey: "csb_nameless", requestId: "r" });
    expect(info.actor).toEqual({ kind: "key", name: "API key k7" });
    expect(JSON.stringify(info)).not.toContain("csb_nameless");
  });

  it("starts a session for a key without a description or role", async () => {
    upstream.handle = upstream.json(200, { organizations: [{ id: "orgY", name: "Y" }], api_key: null });
    expect(await signIn({ apiKey: "csb_plain", requestId: "r" })).toMatchObject({
      key_description: "",
      role: "",
    });
  });

  it("refuses a key Closient does not accept, or one of no organization, and starts nothing", async () => {
    upstream.handle = upstream.json(401, { error: { code: "UNAUTHORIZED", message: "bad", status: 401 } });
    await expect(signIn({ apiKey: "csb_bad", requestId: "r" })).rejects.toMatchObject({
      status: 401,
      code: "UNAUTHORIZED",
      message: "Closient did not accept this key. Check that it is active.",
    });
    upstream.handle = whoami([]);
    await expect(signIn({ apiKey: "csb_none", requestId: "r" })).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      message: "This key belongs to no organization.",
    });
    upstream.handle = upstream.json(503, { error: { code: "X", message: "down", status: 503 } });
    await expect(signIn({ apiKey: "csb_down", requestId: "r" })).rejects.toMatchObject({ status: 502 });
    expect(written).toEqual([]);
  });
});

describe("a page that needs a session, and its load", () => {
  const caller = { apiKey: "csb_session_key", requestId: "req-load" };

  it("sends a visitor without a session to sign in, and hands a signed-in admin's over", async () => {
    const error = await session.requireSession().catch((e: unknown) => e);
    expect(redirectOf(error)).toContain("/sign-in");
    jar.set(session.SESSION_COOKIE, await seal(claims, secret, { maxAgeSeconds: 600 }));
    requestHeaders.set("x-request-id", "req-load");
    expect((await session.requireSession()).caller).toEqual(caller);
  });

  it("reads as the caller and hands the data over", async () => {
    const read = vi.fn(() => Promise.resolve({ data: { rows: 3 } }));
    expect(await load(caller, read)).toEqual({ ok: true, data: { rows: 3 } });
    expect(read).toHaveBeenCalledWith(caller);
  });

  it("turns a 404 into the not-found page and a refused key into sign-in again", async () => {
    const notFound = await load(caller, () => Promise.reject(closientError(404, "NOT_FOUND"))).catch(
      (e: unknown) => e,
    );
    expect(redirectOf(notFound)).toContain("404");
    const expired = await load(caller, () => Promise.reject(closientError(401, "UNAUTHORIZED"))).catch(
      (e: unknown) => e,
    );
    expect(redirectOf(expired)).toContain("/sign-in?reason=expired");
  });

  it("names the request id in any other failure, for support to find it", async () => {
    expect(await load(caller, () => Promise.reject(closientError(502, "UPSTREAM_UNAVAILABLE")))).toEqual({
      ok: false,
      message: "Closient could not be reached. Try again in a moment. Reference: req-load",
    });
    expect(await load(caller, () => Promise.reject(new Error("bug")))).toEqual({
      ok: false,
      message: "The page could not be loaded. Reference: req-load",
    });
  });
});
