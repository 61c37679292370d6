import "server-only";
import type { Caller } from "./caller";
import { DELIVERY_STATUSES, isKnownStatus } from "@/lib/closient";
import {
  FAILING_STATUSES,
  failureRun,
  type EndpointHealth,
  type StatusCounts,
} from "@/lib/deliveries/health";
import { webhooks } from "./webhooks";

const DAY_MS = 86_400_000;
const FRESH_MS = 15_000;
const cache = new Map<string, { at: number; value: unknown }>();

/** A short-lived memo per organization and question: a page reloaded in a hurry asks Closient once. */
async function memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.value as T;
  const value = await compute();
  if (cache.size > 2_000) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), value });
  return value;
}

/**
 * An endpoint's last 24 hours. One call reads its newest deliveries of the day; when there are
 * no more than a page of them, that is the count too. Otherwise one count per status follows
 * (page_size 1, total_count). When it is failing and the page holds no delivery that got through,
 * three more calls find the last one that did and the first failure after it. Nine calls at most;
 * kept 15 seconds.
 */
export function endpointHealth(caller: Caller, orgId: string, endpointId: string, now: number) {
  return memo(`health:${orgId}:${endpointId}`, async (): Promise<EndpointHealth> => {
    const since = new Date(now - DAY_MS).toISOString();
    const day = await webhooks.listDeliveries(caller, {
      endpoint_id: endpointId,
      created_after: since,
      page: 1,
      page_size: 50,
    });
    const counts = Object.fromEntries([...DELIVERY_STATUSES, "other"].map((s) => [s, 0])) as StatusCounts;
    let calls = 1;
    if (!day.data.pagination.has_next) {
      for (const d of day.data.data) counts[isKnownStatus(d.status) ? d.status : "other"]++;
    } else {
      await Promise.all(
        DELIVERY_STATUSES.map(async (status) => {
          const page = await webhooks.listDeliveries(caller, {
            endpoint_id: endpointId,
            created_after: since,
            status,
            page: 1,
            page_size: 1,
          });
          counts[status] = page.data.pagination.total_count;
        }),
      );
      calls += DELIVERY_STATUSES.length;
      // What no known status counts: statuses Closient added since.
      const known = DELIVERY_STATUSES.reduce((sum, status) => sum + counts[status], 0);
      counts.other = Math.max(0, day.data.pagination.total_count - known);
    }
    const run = failureRun(day.data.data);
    let { lastDelivered } = run;
    let failingSince = run.oldestFailure?.created_at ?? null;
    if (!run.complete) {
      // A run of failures longer than the page: where it began is further back.
      const list = (query: { status?: "delivered"; created_after?: string; page?: number }) =>
        webhooks.listDeliveries(caller, { endpoint_id: endpointId, page: 1, page_size: 1, ...query });
      lastDelivered = (await list({ status: "delivered" })).data.data[0] ?? null;
      // created_after is inclusive: a millisecond later leaves the delivered one out.
      const after = lastDelivered
        ? new Date(Date.parse(lastDelivered.created_at) + 1).toISOString()
        : undefined;
      const since = await list({ created_after: after });
      const count = since.data.pagination.total_count;
      const oldest = count > 1 ? await list({ created_after: after, page: count }) : since;
      failingSince = oldest.data.data[0]?.created_at ?? failingSince;
      calls += count > 1 ? 3 : 2;
    }
    return {
      counts,
      total: day.data.pagination.total_count,
      failures: day.data.data.filter((d) => FAILING_STATUSES.has(d.status)).slice(0, 5),
      lastDelivered,
      failingSince,
      calls,
    };
  });
}

/**
 * Endpoints whose recent deliveries all failed, from one organization-wide query: the newest 50
 * deliveries of the last 24 hours. An endpoint with any success among them, or none of them, is
 * not called failing. Kept 15 seconds.
 */
export function failingEndpoints(caller: Caller, orgId: string, now: number): Promise<Set<string>> {
  return memo(`failing:${orgId}`, async () => {
    try {
      const { data } = await webhooks.listDeliveries(caller, {
        created_after: new Date(now - DAY_MS).toISOString(),
        page: 1,
        page_size: 50,
      });
      const verdict = new Map<string, boolean>();
      for (const d of data.data)
        verdict.set(d.endpoint_id, (verdict.get(d.endpoint_id) ?? true) && FAILING_STATUSES.has(d.status));
      return new Set([...verdict].filter(([, failing]) => failing).map(([id]) => id));
    } catch {
      return new Set<string>(); // a badge is a hint: without it the list still stands
    }
  });
}
