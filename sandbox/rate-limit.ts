import type { Clock } from "./clock";

export interface RateLimits {
  perMinute: number;
  perDay: number;
}

interface Window {
  limit: number;
  seconds: number;
  start: number;
  count: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Fixed windows per key (a minute and a day), with the documented headers: `RateLimit-*` describe
 * the most restrictive window (fewest requests left), `X-RateLimit-Reset` is absolute.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window[]>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  check(keyId: string): RateDecision {
    const now = this.clock.now();
    let windows = this.windows.get(keyId);
    if (!windows) {
      windows = [
        { limit: this.limits.perMinute, seconds: 60, start: now, count: 0 },
        { limit: this.limits.perDay, seconds: 86_400, start: now, count: 0 },
      ];
      this.windows.set(keyId, windows);
    }
    for (const w of windows) {
      if (now - w.start >= w.seconds * 1000) {
        w.start = now;
        w.count = 0;
      }
    }
    const allowed = windows.every((w) => w.count < w.limit);
    if (allowed) for (const w of windows) w.count++;
    const tightest = windows.reduce((a, b) => (b.limit - b.count < a.limit - a.count ? b : a));
    const remaining = Math.max(0, tightest.limit - tightest.count);
    const resetSeconds = Math.max(0, Math.ceil((tightest.start + tightest.seconds * 1000 - now) / 1000));
    const headers: Record<string, string> = {
      "RateLimit-Policy": windows.map((w) => `${w.limit};w=${w.seconds}`).join(", "),
      "RateLimit-Limit": String(tightest.limit),
      "RateLimit-Remaining": String(remaining),
      "RateLimit-Reset": String(resetSeconds),
      "X-RateLimit-Limit": String(tightest.limit),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": String(Math.floor(now / 1000) + resetSeconds),
    };
    if (!allowed) headers["Retry-After"] = String(Math.max(1, resetSeconds));
    return { allowed, headers };
  }
}
