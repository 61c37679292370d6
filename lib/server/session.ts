import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import type { SessionInfo } from "@/lib/session-info";
import { decodeProtectedHeader } from "jose";
import { keyId, seal, unseal } from "@/lib/session-seal";
import { env } from "./env";

export const SESSION_COOKIE = "closient_portal";

/** What the sealed cookie holds. The key stays inside the seal and on the server. */
const sessionClaimsSchema = z.object({
  key: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  desc: z.string(),
  role: z.string(),
  iat: z.number(),
});

export interface Session {
  apiKey: string;
  organization: { id: string; name: string };
  keyDescription: string;
  role: string;
  /** When the cookie was sealed, in ms; it is sealed again at most once a minute. */
  sealedAt: number;
}

export type { SessionInfo };

/** The signed-in session from the request's cookie, or null (none, tampered, expired). */
export const readSession = cache(async (): Promise<Session | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const e = env();
  const claims = sessionClaimsSchema.safeParse(
    await unseal(token, [e.sessionSecret, ...e.previousSessionSecrets]),
  );
  if (!claims.success) return null;
  const { key, org, desc, role, iat } = claims.data;
  // Opened with a previous SESSION_SECRET: seal it again with the current one at once (renew).
  const current = decodeProtectedHeader(token).kid === (await keyId(e.sessionSecret));
  return { apiKey: key, organization: org, keyDescription: desc, role, sealedAt: current ? iat * 1000 : 0 };
});

/** Seals the session into the cookie, valid for the configured maximum age from now. */
export async function saveSession(session: Omit<Session, "sealedAt">) {
  const e = env();
  const token = await seal(
    { key: session.apiKey, org: session.organization, desc: session.keyDescription, role: session.role },
    e.sessionSecret,
    { maxAgeSeconds: e.sessionMaxAgeSeconds },
  );
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: e.secureCookies,
    path: "/",
    maxAge: e.sessionMaxAgeSeconds,
  });
}

export async function destroySession() {
  (await cookies()).set(SESSION_COOKIE, "", { path: "/", maxAge: 0 });
}

const RENEW_EVERY_MS = 60_000;

/**
 * Rolling expiry: a session in use is sealed again with a fresh maximum age, at most once a
 * minute, so most answers carry no Set-Cookie. A cookie sealed with a previous SESSION_SECRET is
 * sealed again with the current one on its first use.
 */
export async function renew(session: Session) {
  if (Date.now() - session.sealedAt < RENEW_EVERY_MS) return;
  await saveSession(session);
}

export function sessionInfo(session: Session): SessionInfo {
  return {
    organization: session.organization,
    key_description: session.keyDescription,
    role: session.role,
    sandbox: env().isSandbox,
  };
}

/** The signed-in admin for server components, or null. Read-only: it cannot renew the cookie. */
export async function currentSession(): Promise<{ apiKey: string; info: SessionInfo } | null> {
  const session = await readSession();
  return session ? { apiKey: session.apiKey, info: sessionInfo(session) } : null;
}
