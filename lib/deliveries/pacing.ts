import { ClosientError } from "@/lib/closient/closient-error";

/*
 * Pacing by Closient's rate limit, for work the browser does many requests of (the bulk replay,
 * the log's export): from the `RateLimit-*` and `Retry-After` headers the portal passes on.
 */

/** Seconds from a header value, or null. */
export function seconds(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * How long to wait after an answer before asking again: the window's reset when fewer than
 * `reserve` requests are left in it, else nothing.
 */
export function waitAfter(headers: Record<string, string>, reserve: number): number {
  const remaining = seconds(headers["ratelimit-remaining"]);
  const reset = seconds(headers["ratelimit-reset"]);
  return remaining !== null && remaining < reserve && reset !== null && reset > 0 ? reset : 0;
}

/** How long a refusal says to wait before the same request again, when it is a 429; else null. */
export function retryAfter(error: unknown): number | null {
  if (!(error instanceof ClosientError) || error.status !== 429) return null;
  return seconds(error.headers["retry-after"]) ?? seconds(error.headers["ratelimit-reset"]) ?? 1;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
