/*
 * How long the portal waits for Closient. No server-only marker: the start scripts, which run
 * outside Next, read the slow timeout too, to know how long a graceful stop may take.
 */

/** A call to Closient, unless it waits for a receiver. */
export const UPSTREAM_TIMEOUT_DEFAULT_MS = 10_000;
/** A call that waits for a receiver's answer: a test ping or a replay. */
export const UPSTREAM_SLOW_TIMEOUT_DEFAULT_MS = 30_000;

/** UPSTREAM_SLOW_TIMEOUT_MS as the portal reads it, for code that runs before env.ts can. */
export function slowTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.UPSTREAM_SLOW_TIMEOUT_MS);
  return Number.isInteger(value) && value >= 100 ? value : UPSTREAM_SLOW_TIMEOUT_DEFAULT_MS;
}
