import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/client/api-client";
import { useRefresh } from "@/lib/client/delivery-mutations";
import { filtersSeen } from "@/lib/client/filters-seen";
import { throwIfSessionEnded } from "@/lib/client/query-client";
import type { DeliveryListFilters } from "@/lib/closient";
import { planReplay, runReplay, type Plan, type Progress } from "@/lib/deliveries/bulk-replay";

/*
 * The bulk replay, as mutations: its count, then its run, paced by the rate limit, with progress
 * through a callback and a stop through an AbortSignal. A 401 that stops the run midway fails the
 * mutation, so it leads to sign-in like any other.
 */

/** Counts the dead letters that match and which of them were replayed already. */
export function usePlanReplay() {
  return useMutation({
    mutationFn: ({ filters, signal }: { filters: DeliveryListFilters; signal: AbortSignal }) =>
      planReplay((query) => api.listDeliveries(query), filters, signal),
  });
}

/** Replays a plan, paced by the rate limit; the summary says what was sent, skipped or left. */
export function useBulkReplay() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({
      plan,
      filters,
      signal,
      onProgress,
    }: {
      plan: Plan;
      filters: DeliveryListFilters;
      signal: AbortSignal;
      onProgress: (progress: Progress) => void;
    }) => {
      // One run on the activity log: its start, each replay (filed under it), and how it ended.
      const run = crypto.randomUUID();
      const endpointOf = new Map(plan.replay.map((d) => [d.id, d.endpoint_id]));
      await api.reportActivity({
        action: "bulk_replay.started",
        run,
        planned: plan.replay.length,
        skipped: plan.skipped.length,
        filters: filtersSeen(filters),
      });
      const summary = await runReplay(
        plan.replay,
        (id) => api.replayDeliveryPaced(id, { endpointId: endpointOf.get(id), bulkRun: run }),
        { signal, onProgress },
      );
      if (summary.stopped && summary.stopped !== "cancelled") throwIfSessionEnded(summary.stopped.error);
      const replayed = summary.delivered.length + summary.failed.length;
      await api
        .reportActivity(
          summary.stopped === "cancelled"
            ? { action: "bulk_replay.cancelled", run, replayed, not_attempted: summary.notAttempted }
            : {
                action: "bulk_replay.finished",
                run,
                replayed,
                failed: summary.failed.length,
                skipped: summary.skipped.length + plan.skipped.length,
                not_attempted: summary.notAttempted,
              },
        )
        .catch(() => undefined); // the replays are done, and each is on the log already
      summary.skipped.unshift(...plan.skipped);
      return summary;
    },
    onSettled: refresh,
  });
}
