import "server-only";
import { env } from "./env";
import { portalStore } from "./portal-store";
import { storeAnswers } from "./store/db";
import { probeUpstream, type Probe } from "./upstream";

const PROBE_TIMEOUT_MS = 2_000;
const FRESH_MS = 5_000;

export interface Readiness {
  upstream: Probe;
  /** The portal's store: `ok`, or `unreachable` (changes still go through; their log waits). */
  database: { dialect: "sqlite" | "postgres"; status: "ok" | "unreachable" };
}

/*
 * One value, not a map: a variable is the whole memo, so this is the one timed memo in lib/server
 * without lru-cache (which would add a key, a size bound and an eviction rule that one value never
 * needs).
 */
let last: { at: number; answer: Promise<Readiness> } | null = null;

async function probe(): Promise<Readiness> {
  const [upstream, database] = await Promise.all([
    probeUpstream(PROBE_TIMEOUT_MS),
    portalStore()
      .then((db) => storeAnswers(db, PROBE_TIMEOUT_MS))
      .catch(() => false),
  ]);
  return { upstream, database: { dialect: env().store.dialect, status: database ? "ok" : "unreachable" } };
}

/**
 * Whether this instance can serve: Closient answers a cheap call within 2 s; and whether its store
 * answers, reported beside it. One probe at a time, and its answer is kept 5 s, so a load balancer
 * polling every instance often costs Closient at most one call per instance in that time.
 */
export function readiness(now = Date.now()): Promise<Readiness> {
  if (!last || now - last.at >= FRESH_MS) last = { at: now, answer: probe() };
  return last.answer;
}
