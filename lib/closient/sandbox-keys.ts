import { parseApiKey } from "./api-key";

/*
 * CLOSIENT_SANDBOX_API_KEYS, the sandbox's organizations and their keys (local: the real Closient
 * issues keys in its dashboard). Comma-separated organizations, as always; within one, `+` joins
 * several keys, and a user key (`csu_`) may name its user after a colon:
 *
 *   csb_…,csb_…                                   two organizations, one business key each
 *   csb_…+csu_…:alice@brand.example+csu_…:bob@…   one organization, a business key and two users
 */

export interface SandboxKey {
  key: string;
  /** A user key's user; its whoami answers this email (and a user id derived from the key). */
  email: string | null;
}

function entries(value: string): (SandboxKey | null)[][] {
  return value
    .split(",")
    .map((org) => org.trim())
    .filter(Boolean)
    .map((org) =>
      org.split(/\+(?=c(?:sb|su|pk)_)/).map((entry): SandboxKey | null => {
        const [key = "", email] = entry.trim().split(/:(.*)/s);
        const parsed = parseApiKey(key);
        if (!parsed) return null;
        if (email !== undefined && (parsed.prefix !== "csu" || !/^[^\s@:]+@[^\s@:]+$/.test(email)))
          return null;
        return { key, email: email ?? null };
      }),
    );
}

/** The organizations the value names, each a list of keys; null when any part is malformed. */
export function parseSandboxKeys(value: string): SandboxKey[][] | null {
  const orgs = entries(value);
  const valid = orgs.map((keys) => keys.filter((k) => k !== null));
  return valid.every((keys, i) => keys.length === orgs[i]!.length) ? valid : null;
}

/** The first business key named, passing over anything malformed: the portal's one-click sign-in. */
export function firstBusinessKey(value: string): string | null {
  return (
    entries(value)
      .flat()
      .find((k) => k?.key.startsWith("csb_"))?.key ?? null
  );
}
