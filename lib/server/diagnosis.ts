import "server-only";
import { LRUCache } from "lru-cache";
import type { Caller } from "./caller";
import { DELIVERY_STATUSES, isKnownStatus, type Delivery, type DeliveryListQuery } from "@/lib/closient";
import {
  groupFailures,
  type EndpointDiagnosis,
  type FailingEndpoint,
  type FailingNow,
} from "@/lib/deliveries/diagnosis";
import { FAILING, FAILING_STATUSES, failureRun, type StatusCounts } from "@/lib/deliveries/health";
import { env } from "./env";
import { webhooks } from "./webhooks";

/*
 * Why endpoints fail, read from Closient for a bounded number of calls, each answer kept 15 s per
 * organization (DIAGNOSIS_CACHE_MS). The calls each view makes at most are in BENCHMARKS.md ("Upstream calls per view").
 */

const WINDOW_MS = 86_400_000;
const PAGE = 50;
export type { EndpointDiagnosis, FailingNow };

/** Each answer by organization and question; the promise is kept while it is on its way. */
const answers = new LRUCache<string, object, () => Promise<object>>({
  max: 2_000,
  perf: { now: () => Date.now() }, // the wall clock, as every time in the portal is counted
  ttlResolution: 0,
  fetchMethod: (_key, _stale, { context }) => context(),
});

/**
 * A short-lived memo per organization and question: a page reloaded in a hurry, or two admins of
 * one organization at once, ask Closient once, even while the first answer is on its way. A
 * failed read is not kept (lru-cache drops a rejected fetch).
 */
function memo<T extends object>(key: string, compute: () => Promise<T>, fresh = false): Promise<T> {
  const ttl = env().diagnosisCacheMs;
  if (ttl <= 0) return compute();
  // A fresh read (the watcher's) asks Closient now, and leaves its answer for the pages.
  return answers.fetch(key, { context: compute, ttl, forceRefresh: fresh }) as Promise<T>;
}

const newestFirst = (a: Delivery, b: Delivery) => b.created_at.localeCompare(a.created_at);
const after = (iso: string) => new Date(Date.parse(iso) + 1).toISOString(); // created_after is inclusive

/**
 * One endpoint, in 1 to 8 calls. One reads its newest deliveries of the day; when that is all of
 * them, it is everything (counts, failures, the last one that got through). Otherwise one call
 * per failing status (50 each, with its total) and one for the delivered total follow. When the
 * last delivery that got through is older than the day, one more call finds it, and two find the
 * first failure after it.
 */
export function endpointDiagnosis(
  caller: Caller,
  orgId: string,
  endpointId: string,
  now: number,
): Promise<EndpointDiagnosis> {
  return memo(`endpoint:${orgId}:${endpointId}`, async () => {
    const windowStart = new Date(now - WINDOW_MS).toISOString();
    const list = async (query: Partial<DeliveryListQuery>) =>
      (await webhooks.listDeliveries(caller, { endpoint_id: endpointId, page: 1, page_size: PAGE, ...query }))
        .data;
    const day = await list({ created_after: windowStart });
    let calls = 1;
    const counts = Object.fromEntries([...DELIVERY_STATUSES, "other"].map((s) => [s, 0])) as StatusCounts;
    let failures: Delivery[];
    let newestDelivered: Delivery | null;
    let complete: boolean;
    if (!day.pagination.has_next) {
      for (const d of day.data) counts[isKnownStatus(d.status) ? d.status : "other"]++;
      failures = day.data.filter((d) => FAILING_STATUSES.has(d.status));
      newestDelivered = day.data.find((d) => d.status === "delivered") ?? null;
      complete = true;
    } else {
      const [dead, failed, limited, delivered] = await Promise.all([
        ...FAILING.map((status) => list({ created_after: windowStart, status })),
        list({ created_after: windowStart, status: "delivered", page_size: 1 }),
      ]);
      calls += 4;
      for (const [status, page] of [
        ["dead_letter", dead],
        ["failed", failed],
        ["rate_limited", limited],
        ["delivered", delivered],
      ] as const)
        counts[status] = page!.pagination.total_count;
      // Pending and any status Closient added since: what the four do not count.
      const known = counts.dead_letter + counts.failed + counts.rate_limited + counts.delivered;
      counts.pending = Math.max(0, day.pagination.total_count - known);
      failures = [...dead.data, ...failed!.data, ...limited!.data].sort(newestFirst);
      newestDelivered = delivered!.data[0] ?? null;
      complete = [dead, failed, limited].every((page) => !page!.pagination.has_next);
    }
    const failuresTotal = counts.dead_letter + counts.failed + counts.rate_limited;

    // Failing now: the newest attempted delivery failed. Since the first failure after the last
    // delivery that got through.
    const attempted = [...failures, ...(newestDelivered ? [newestDelivered] : [])].sort(newestFirst);
    const run = failureRun(attempted.length ? attempted : day.data);
    let lastDelivered = newestDelivered;
    let failingSince = run.oldestFailure?.created_at ?? null;
    if (run.oldestFailure && !newestDelivered) {
      // None got through today: the last that did is older, and the run may have begun before today.
      lastDelivered = (await list({ status: "delivered", page_size: 1 })).data[0] ?? null;
      const since = lastDelivered ? after(lastDelivered.created_at) : undefined;
      const first = await list({ created_after: since, page_size: 1 });
      const count = first.pagination.total_count;
      const oldest = count > 1 ? await list({ created_after: since, page: count, page_size: 1 }) : first;
      failingSince = oldest.data[0]?.created_at ?? failingSince;
      calls += count > 1 ? 3 : 2;
    } else if (run.oldestFailure && !complete) {
      // Some failures of the day were not read: the run's start is the oldest read, at the latest.
      failingSince = run.oldestFailure.created_at;
    }
    return {
      counts,
      total: day.pagination.total_count,
      failures: failures.slice(0, 5),
      lastDelivered,
      failingSince,
      groups: groupFailures(failures),
      read: failures.length,
      failuresTotal,
      windowStart,
      calls,
    };
  });
}

const SHOWN = 5;

/**
 * The organization's endpoints failing now (their newest attempted delivery failed), worst first:
 * the most dead letters, then the longest failing. In 4 to 9 calls: the newest 50 of each failing
 * status and of the delivered ones of the day, then, for an endpoint shown with no delivery that
 * got through among those, the last one that did.
 */
export function failingNow(
  caller: Caller,
  orgId: string,
  now: number,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<FailingNow> {
  return memo(
    `failing:${orgId}`,
    async () => {
      const windowStart = new Date(now - WINDOW_MS).toISOString();
      const list = async (query: Partial<DeliveryListQuery>) =>
        (
          await webhooks.listDeliveries(caller, {
            page: 1,
            page_size: PAGE,
            created_after: windowStart,
            ...query,
          })
        ).data;
      const pages = await Promise.all([...FAILING, "delivered" as const].map((status) => list({ status })));
      let calls = pages.length;
      const delivered = pages.pop()!;
      const failures = pages.flatMap((page) => page.data).sort(newestFirst);
      const failuresTotal = pages.reduce((sum, page) => sum + page.pagination.total_count, 0);

      const byEndpoint = new Map<string, Delivery[]>();
      for (const f of failures) byEndpoint.set(f.endpoint_id, [...(byEndpoint.get(f.endpoint_id) ?? []), f]);
      const newestDelivered = new Map<string, Delivery>();
      for (const d of delivered.data)
        if (!newestDelivered.has(d.endpoint_id)) newestDelivered.set(d.endpoint_id, d);

      const candidates: FailingEndpoint[] = [];
      const sinceLast = (own: Delivery[], last: string | null) => {
        const run = last ? own.filter((f) => f.created_at > last) : own;
        return run[run.length - 1]?.created_at ?? null;
      };
      for (const [endpointId, own] of byEndpoint) {
        const success = newestDelivered.get(endpointId);
        if (success && success.created_at > own[0]!.created_at) continue; // got through since: not failing
        const run = success ? own.filter((f) => f.created_at > success.created_at) : own;
        candidates.push({
          endpointId,
          counts: {
            dead_letter: own.filter((f) => f.status === "dead_letter").length,
            failed: own.filter((f) => f.status === "failed").length,
            rate_limited: own.filter((f) => f.status === "rate_limited").length,
          },
          lastDelivered: success?.created_at ?? null,
          failingSince: sinceLast(own, success?.created_at ?? null)!,
          run: {
            dead_letter: run.filter((f) => f.status === "dead_letter").length,
            failed: run.filter((f) => f.status === "failed").length,
            rate_limited: run.filter((f) => f.status === "rate_limited").length,
          },
          groups: groupFailures(own),
        });
      }
      candidates.sort(
        (a, b) => b.counts.dead_letter - a.counts.dead_letter || a.failingSince.localeCompare(b.failingSince),
      );
      const shown = candidates.slice(0, SHOWN);
      // The last delivery that got through, for those with none among the day's newest 50.
      await Promise.all(
        shown
          .filter((e) => e.lastDelivered === null)
          .map(async (e) => {
            calls++;
            const page = await list({
              endpoint_id: e.endpointId,
              status: "delivered",
              page_size: 1,
              created_after: undefined,
            });
            e.lastDelivered = page.data[0]?.created_at ?? null;
            // Failures read from before it are not part of the run.
            if (e.lastDelivered) {
              const own = byEndpoint.get(e.endpointId)!;
              e.failingSince = sinceLast(own, e.lastDelivered) ?? "";
              const run = own.filter((f) => f.created_at > e.lastDelivered!);
              for (const status of FAILING) e.run[status] = run.filter((f) => f.status === status).length;
            }
          }),
      );
      // One that got through after its failures read (beyond the day's newest 50) is not failing.
      const recovered = new Set(shown.filter((e) => e.failingSince === "").map((e) => e.endpointId));
      const deadLetters: Record<string, string[]> = {};
      for (const [endpointId, own] of byEndpoint) {
        const times = own.filter((f) => f.status === "dead_letter").map((f) => f.created_at);
        if (times.length) deadLetters[endpointId] = times;
      }
      return {
        endpoints: shown.filter((e) => !recovered.has(e.endpointId)),
        all: candidates.filter((e) => !recovered.has(e.endpointId)),
        newestDelivered: Object.fromEntries([
          ...shown.flatMap((e) => (e.lastDelivered ? [[e.endpointId, e.lastDelivered] as const] : [])),
          ...[...newestDelivered].map(([id, d]) => [id, d.created_at] as const),
        ]),
        deadLetters,
        failingIds: candidates.map((e) => e.endpointId).filter((id) => !recovered.has(id)),
        more: candidates.length - shown.length,
        read: failures.length,
        failuresTotal,
        windowStart,
        calls,
      };
    },
    fresh,
  );
}
