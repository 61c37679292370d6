import "server-only";
import { z } from "zod";
import { firstBusinessKey } from "@/lib/closient/sandbox-keys";
import { storeTarget, type StoreTarget } from "./store/db";
import { UPSTREAM_SLOW_TIMEOUT_DEFAULT_MS, UPSTREAM_TIMEOUT_DEFAULT_MS } from "../timeouts";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const schema = z.object({
  CLOSIENT_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SANDBOX_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(8000)),
  CLOSIENT_SANDBOX_API_KEYS: z.preprocess(emptyAsUndefined, z.string().optional()),
  SESSION_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "SESSION_SECRET must be at least 32 characters."),
  ),
  SESSION_SECRET_PREVIOUS: z.preprocess(emptyAsUndefined, z.string().optional()),
  SESSION_MAX_AGE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(60)
      .default(8 * 3600),
  ),
  UPSTREAM_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).default(UPSTREAM_TIMEOUT_DEFAULT_MS),
  ),
  UPSTREAM_SLOW_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).default(UPSTREAM_SLOW_TIMEOUT_DEFAULT_MS),
  ),
  // How long an organization's failure summary is kept; at most 15 s, 0 reads afresh every time.
  DIAGNOSIS_CACHE_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(15_000).default(15_000),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((url) => storeTarget(url) !== null, "DATABASE_URL must be file:/path.db or postgres://…")
      .optional(),
  ),
  ACTIVITY_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(180)),
  PORTAL_ENCRYPTION_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "PORTAL_ENCRYPTION_KEY must be at least 32 characters.").optional(),
  ),
  PORTAL_ENCRYPTION_KEY_PREVIOUS: z.preprocess(emptyAsUndefined, z.string().optional()),
  WATCH_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(200).default(60_000)),
  WATCH_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).default(300)),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
  ALERT_EMAIL_FROM: z.preprocess(emptyAsUndefined, z.email().optional()),
  PORTAL_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export interface PortalEnv {
  /** Where the Closient API is: the real one, or the local sandbox. */
  upstreamUrl: string;
  /** True when no CLOSIENT_API_URL is set and the portal talks to the local sandbox. */
  isSandbox: boolean;
  /** The sandbox organization's key, for one-click sign-in; never sent to the browser. */
  sandboxKey: string | null;
  sessionSecret: string;
  /** Secrets that open cookies but no longer seal them: a rotated SESSION_SECRET signs nobody out. */
  previousSessionSecrets: string[];
  sessionMaxAgeSeconds: number;
  upstreamTimeoutMs: number;
  upstreamSlowTimeoutMs: number;
  /** How long a failure summary or diagnosis is kept per organization (lib/server/diagnosis.ts). */
  diagnosisCacheMs: number;
  secureCookies: boolean;
  /** The portal's store (lib/server/store/db.ts): SQLite at .data/portal.db unless DATABASE_URL says. */
  store: StoreTarget;
  activityRetentionDays: number;
  /** Seals what the store keeps secret (lib/server/secret-box.ts); without it, watching stays off. */
  encryptionKey: string | null;
  previousEncryptionKeys: string[];
  /** How often the watcher reads each watched organization. */
  watchIntervalMs: number;
  /** The watching key's rate limit a minute; the watcher keeps to a tenth of it per organization. */
  watchRateLimitPerMinute: number;
  /** Where alert mails go (smtp:// or smtps://); null: no email channel can deliver. */
  smtpUrl: string | null;
  alertEmailFrom: string;
  /** The portal's address as its users reach it, for the links in notices. */
  portalUrl: string;
}

let cached: PortalEnv | undefined;

/** "a, b," → ["a", "b"]: the former secrets a rotation keeps. */
const commaList = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** The portal's configuration, validated once; no other module reads process.env. */
export function env(): PortalEnv {
  cached ??= readEnv(process.env);
  return cached;
}

/** The configuration `source` describes, or an error that names every problem. */
export function readEnv(source: Record<string, string | undefined>): PortalEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`The portal's configuration is invalid: ${problems}`);
  }
  const e = parsed.data;
  const isSandbox = e.CLOSIENT_API_URL === undefined;
  // One-click sign-in uses the first business key of the first organization that has one.
  const sandboxKey = isSandbox ? firstBusinessKey(e.CLOSIENT_SANDBOX_API_KEYS ?? "") : null;
  return {
    upstreamUrl: (e.CLOSIENT_API_URL ?? `http://127.0.0.1:${e.SANDBOX_PORT}`).replace(/\/+$/, ""),
    isSandbox,
    sandboxKey,
    sessionSecret: e.SESSION_SECRET,
    previousSessionSecrets: commaList(e.SESSION_SECRET_PREVIOUS),
    sessionMaxAgeSeconds: e.SESSION_MAX_AGE_SECONDS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    upstreamSlowTimeoutMs: e.UPSTREAM_SLOW_TIMEOUT_MS,
    diagnosisCacheMs: e.DIAGNOSIS_CACHE_MS,
    secureCookies: e.NODE_ENV === "production",
    store: storeTarget(e.DATABASE_URL)!,
    activityRetentionDays: e.ACTIVITY_RETENTION_DAYS,
    encryptionKey: e.PORTAL_ENCRYPTION_KEY ?? null,
    previousEncryptionKeys: commaList(e.PORTAL_ENCRYPTION_KEY_PREVIOUS),
    watchIntervalMs: e.WATCH_INTERVAL_MS,
    watchRateLimitPerMinute: e.WATCH_RATE_LIMIT_PER_MINUTE,
    smtpUrl: e.SMTP_URL ?? null,
    alertEmailFrom: e.ALERT_EMAIL_FROM ?? "alerts@closient-portal.localhost",
    portalUrl: (e.PORTAL_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
  };
}
