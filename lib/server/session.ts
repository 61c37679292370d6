import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { LRUCache } from "lru-cache";
import { cache } from "react";
import { currentRequestId, type Caller } from "./caller";
import { z } from "zod";
import type { SessionInfo } from "@/lib/sign-in/session-info";
import { REQUESTED_PATH_HEADER, signInHref } from "@/lib/sign-in/return-path";
import { openSeal, seal } from "@/lib/server/session-seal";
import { env } from "./env";
import { LINK_ROLES, type AccessRole } from "@/lib/access/roles";
import { grantKey } from "./access/grant-key";
import type { Actor } from "./actor";

export const SESSION_COOKIE = "closient_portal";

/** What the sealed cookie holds. The key stays inside the seal and on the server. */
const sessionClaimsSchema = z.object({
  key: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  desc: z.string(),
  role: z.string(),
  /** Who acts, for the activity log (kind, id, name); cookies sealed before it had none. */
  act: z.object({ k: z.enum(["user", "key", "link"]), i: z.string(), n: z.string() }).optional(),
  /** A session started by an access link: its grant and role. Its key is not in the seal (`key` is empty). */
  grt: z.object({ i: z.string(), r: z.enum(LINK_ROLES), x: z.number() }).optional(),
  iat: z.number(),
  exp: z.number(),
});

export type { Actor };

export interface Session {
  apiKey: string;
  organization: { id: string; name: string };
  keyDescription: string;
  role: string;
  actor: Actor;
  /** An admin (their own key), or an access link's role. */
  access: AccessRole;
  /** The access link's grant this session was started by; checked in the store on every request. */
  grant: { id: string; expiresAt: number } | null;
  /** When the cookie was sealed, in ms; it is sealed again at most once a minute. */
  sealedAt: number;
}

export type { SessionInfo };

/** A page's signed-in admin: who calls Closient for this render, and what the page may show. */
export interface PageSession {
  caller: Caller;
  info: SessionInfo;
}

/**
 * Seals opened in the last minute, by cookie value: opening one is a Web Crypto round trip, and an
 * admin's requests bring the same cookie again and again (the cost: BENCHMARKS.md, bench:portal).
 * An entry holds what the seal holds, the API key included, for at most a minute and never past
 * the seal's own expiry; signing out and an upstream 401 drop it. It adds no reach: this process
 * holds SESSION_SECRET, which opens every cookie. A tampered cookie is another string, so it is
 * opened (and refused) like any new one.
 */
const OPENED_FOR_MS = 60_000;
const OPENED_MAX = 1_000;
// On the wall clock: a seal's expiry is a wall-clock instant.
const opened = new LRUCache<string, Session>({
  max: OPENED_MAX,
  ttl: OPENED_FOR_MS,
  perf: { now: () => Date.now() },
  ttlResolution: 0,
});

async function open(token: string): Promise<Session | null> {
  const now = Date.now();
  const hit = opened.get(token);
  if (hit) return hit;
  const e = env();
  const sealed = await openSeal(token, [e.sessionSecret, ...e.previousSessionSecrets]);
  const claims = sessionClaimsSchema.safeParse(sealed?.payload);
  if (!sealed || !claims.success) return null;
  const { key, org, desc, role, act, grt, iat, exp } = claims.data;
  const session: Session = {
    apiKey: key,
    organization: org,
    keyDescription: desc,
    role,
    actor: act
      ? { kind: act.k, id: act.i, name: act.n }
      : { kind: "key" as const, id: "", name: desc || "API key" },
    access: grt ? grt.r : "admin",
    grant: grt ? { id: grt.i, expiresAt: grt.x } : null,
    // Opened with a previous SESSION_SECRET: seal it again with the current one at once (renew).
    sealedAt: sealed.secretIndex === 0 ? iat * 1000 : 0,
  };
  opened.set(token, session, { ttl: Math.max(1, Math.min(OPENED_FOR_MS, exp * 1000 - now)) });
  return session;
}

/**
 * The signed-in session for server components, from the request's cookie, or null (none, tampered,
 * expired). Route handlers read it from their request instead (readRequestSession).
 */
const readSession = cache(async (): Promise<Session | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? withKey(await open(token)) : null;
});

/**
 * A link's session acts through the organization's stored key, looked up in the store on every
 * request: a grant revoked or expired (on any instance) ends the session on its next request.
 * An admin's session carries its own key in the seal.
 */
async function withKey(session: Session | null): Promise<Session | null> {
  if (!session?.grant) return session;
  const apiKey = await grantKey(session.organization.id, session.grant.id);
  if (!apiKey) return null;
  session.apiKey = apiKey; // the opened seal this instance keeps for a minute: renew() moves its sealedAt
  return session;
}

/**
 * The session a route handler's request carries, read from the request's own cookies. A route
 * writes the cookie only when it renews or ends the session; `cookies()` would build its mutable
 * jar on every request to read one value (its cost: BENCHMARKS.md, bench:portal).
 */
export async function readRequestSession(request: NextRequest): Promise<Session | null> {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  return token ? withKey(await open(token)) : null;
}

/**
 * Seals the session into the cookie, valid for the configured maximum age from now; a link's
 * session for the rest of its grant's lifetime (an installed app keeps it; each request still
 * checks the grant in the store, so a revocation ends it at once).
 */
export async function saveSession(session: Omit<Session, "sealedAt">) {
  const e = env();
  const maxAgeSeconds = session.grant
    ? Math.max(60, Math.floor((session.grant.expiresAt - Date.now()) / 1000))
    : e.sessionMaxAgeSeconds;
  const token = await seal(
    {
      key: session.apiKey,
      org: session.organization,
      desc: session.keyDescription,
      role: session.role,
      act: { k: session.actor.kind, i: session.actor.id, n: session.actor.name },
      // A link's session: its grant, and no key (the stored one is looked up on each request).
      ...(session.grant && session.access !== "admin"
        ? { key: "", grt: { i: session.grant.id, r: session.access, x: session.grant.expiresAt } }
        : {}),
    },
    e.sessionSecret,
    { maxAgeSeconds },
  );
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: e.secureCookies,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export async function destroySession() {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) opened.delete(token);
  jar.set(SESSION_COOKIE, "", { path: "/", maxAge: 0 });
}

const RENEW_EVERY_MS = 60_000;

/**
 * Rolling expiry: a session in use is sealed again with a fresh maximum age, at most once a
 * minute, so most answers carry no Set-Cookie. A cookie sealed with a previous SESSION_SECRET is
 * sealed again with the current one on its first use.
 *
 * `session` is the opened seal this instance keeps: its `sealedAt` moves to now, so requests that
 * still carry the old cookie (sent in parallel before the new one arrived, or by a client that
 * keeps no cookies) are not sealed again, one by one, for another minute.
 */
export async function renew(session: Session) {
  const now = Date.now();
  if (now - session.sealedAt < RENEW_EVERY_MS) return;
  session.sealedAt = now;
  await saveSession(session);
}

export function sessionInfo(session: Session): SessionInfo {
  return {
    organization: session.organization,
    key_description: session.keyDescription,
    role: session.role,
    actor: { kind: session.actor.kind, name: session.actor.name },
    access: session.access,
    sandbox: env().isSandbox,
  };
}

/**
 * The signed-in admin for server components, or null: who calls Closient for this render, and
 * what the page may show. Read-only: it cannot renew the cookie.
 */
export async function currentSession(): Promise<PageSession | null> {
  const session = await readSession();
  if (!session) return null;
  return {
    caller: { apiKey: session.apiKey, requestId: await currentRequestId() },
    info: sessionInfo(session),
  };
}

/** The sign-in page that brings this request's visitor back to the page they asked for. */
export async function signInForThisPage(reason?: "expired"): Promise<string> {
  return signInHref((await headers()).get(REQUESTED_PATH_HEADER), reason);
}

/**
 * The signed-in admin for a page that needs one; without a session the visitor signs in first,
 * and comes back to this page afterwards.
 */
export async function requireSession(): Promise<PageSession> {
  const session = await currentSession();
  if (!session) redirect(await signInForThisPage());
  return session;
}
