import "server-only";
import { getIronSession, type IronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import type { SessionInfo } from "@/lib/session-info";
import { env } from "./env";

export const SESSION_COOKIE = "closient_portal";

/** What the sealed cookie holds. The key stays inside the seal and on the server. */
export interface SessionData {
  apiKey?: string;
  organization?: { id: string; name: string };
  keyDescription?: string;
  role?: string;
  /** When the cookie was last sealed; it is sealed again at most once a minute. */
  renewedAt?: number;
}

export type { SessionInfo };

function options(): SessionOptions {
  const e = env();
  return {
    password: e.sessionSecret,
    cookieName: SESSION_COOKIE,
    ttl: e.sessionMaxAgeSeconds,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure: e.secureCookies, path: "/" },
  };
}

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), options());
}

const RENEW_EVERY_MS = 60_000;

/**
 * Rolling expiry: a session in use is sealed again with a fresh maximum age. Sealing costs a few
 * milliseconds of crypto, so it happens at most once a minute, not on every request.
 */
export async function renew(session: IronSession<SessionData>) {
  if (session.renewedAt && Date.now() - session.renewedAt < RENEW_EVERY_MS) return;
  session.renewedAt = Date.now();
  await session.save();
}

export function sessionInfo(data: SessionData): SessionInfo | null {
  if (!data.apiKey || !data.organization) return null;
  return {
    organization: data.organization,
    key_description: data.keyDescription ?? "",
    role: data.role ?? "",
    sandbox: env().isSandbox,
  };
}

/** The signed-in admin for server components, or null. Read-only: it cannot renew the cookie. */
export async function currentSession(): Promise<{ apiKey: string; info: SessionInfo } | null> {
  const session = await getSession();
  const info = sessionInfo(session);
  return info && session.apiKey ? { apiKey: session.apiKey, info } : null;
}
