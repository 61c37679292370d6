import type { FailingEndpoint, FailingNow } from "@/lib/deliveries/diagnosis";

/*
 * The watcher's rule, pure: from what the failure diagnosis read (the same one the endpoint list
 * shows) and each endpoint's last known state, which endpoints change state now.
 *   failing    a dead letter, or at least `failingAfter` failures since the last delivery that got
 *              through (the newest attempted delivery failed)
 *   recovered  a delivery got through after it began failing
 * Paused endpoints are not alerted: their state is left as it was, and no notice goes out.
 */

export type AlertStateName = "failing" | "recovered";

export interface AlertRule {
  failingAfter: number;
  /** Hours between reminders while still failing; null: none. */
  remindEveryHours: number | null;
}

export const DEFAULT_RULE: AlertRule = { failingAfter: 3, remindEveryHours: null };

export interface KnownState {
  state: AlertStateName;
  since: string;
  remindedAt: string | null;
  changedAt: string;
}

export interface WatchedEndpoint {
  id: string;
  is_active: boolean;
}

export type Transition =
  | { kind: "failing"; endpointId: string; since: string; failing: FailingEndpoint; reminder: boolean }
  | { kind: "recovered"; endpointId: string; since: string; recoveredAt: string; deadLetters: number };

export function transitions(
  endpoints: readonly WatchedEndpoint[],
  known: ReadonlyMap<string, KnownState>,
  read: Pick<FailingNow, "all" | "newestDelivered" | "deadLetters">,
  rule: AlertRule,
  now: number,
): Transition[] {
  const failing = new Map(read.all.map((e) => [e.endpointId, e]));
  const out: Transition[] = [];
  for (const endpoint of endpoints) {
    if (!endpoint.is_active) continue;
    const before = known.get(endpoint.id);
    const f = failing.get(endpoint.id);
    const failsByRule =
      f !== undefined &&
      (f.run.dead_letter > 0 || f.run.failed + f.run.rate_limited + f.run.dead_letter >= rule.failingAfter);
    if (before?.state !== "failing") {
      if (failsByRule)
        out.push({
          kind: "failing",
          endpointId: endpoint.id,
          since: f.failingSince,
          failing: f,
          reminder: false,
        });
      continue;
    }
    // Failing before: recovered once a delivery got through after the failures began.
    const delivered = read.newestDelivered[endpoint.id];
    if (!f && delivered && delivered > before.since) {
      const waiting = (read.deadLetters[endpoint.id] ?? []).filter(
        (at) => at >= before.since && at < delivered,
      );
      out.push({
        kind: "recovered",
        endpointId: endpoint.id,
        since: before.since,
        recoveredAt: delivered,
        deadLetters: waiting.length,
      });
      continue;
    }
    if (f && rule.remindEveryHours !== null) {
      const last = Date.parse(before.remindedAt ?? before.changedAt);
      if (now - last >= rule.remindEveryHours * 3_600_000)
        out.push({
          kind: "failing",
          endpointId: endpoint.id,
          since: before.since,
          failing: f,
          reminder: true,
        });
    }
  }
  return out;
}
