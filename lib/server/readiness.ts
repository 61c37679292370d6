import "server-only";
import { probeUpstream, type Probe } from "./upstream";

const PROBE_TIMEOUT_MS = 2_000;
const FRESH_MS = 5_000;

/*
 * One value, not a map: a variable is the whole memo, so this is the one timed memo in lib/server
 * without lru-cache (which would add a key, a size bound and an eviction rule that one value never
 * needs).
 */
let last: { at: number; probe: Promise<Probe> } | null = null;

/**
 * Whether this instance can serve: Closient answers a cheap call within 2 s. One probe at a
 * time, and its answer is kept 5 s, so a load balancer polling every instance often costs
 * Closient at most one call per instance in that time.
 */
export function readiness(now = Date.now()): Promise<Probe> {
  if (!last || now - last.at >= FRESH_MS) last = { at: now, probe: probeUpstream(PROBE_TIMEOUT_MS) };
  return last.probe;
}
