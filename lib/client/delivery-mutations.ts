import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { api } from "@/lib/client/api-client";
import { throwIfSessionEnded } from "@/lib/client/query-client";
import type { DeliveryListFilters } from "@/lib/closient";
import { planReplay, runReplay, type Plan, type Progress } from "@/lib/deliveries/bulk-replay";
import { collectLog, type ExportProgress } from "@/lib/deliveries/export";

/*
 * What the browser does to deliveries, each a mutation: the mutation cache sends the admin to
 * sign-in (and back) on a 401 wherever it surfaces (lib/client/query-client.ts). The long tasks
 * (the bulk replay, the export) report progress through a callback and stop on an AbortSignal;
 * a 401 that stops one midway fails the mutation, so it too leads to sign-in.
 */

/** Renders the server's view again without blocking the page's input. */
function useRefresh() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return () => startTransition(() => router.refresh());
}

/** One dead letter sent again; the log is rendered again with the new delivery. */
export function useReplayDelivery(deliveryId: string, endpointId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.replayDelivery(deliveryId, { endpointId }),
    onSuccess: refresh,
  });
}

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

/** Reads every row the filters match, page by page, for a file made in the browser. */
export function useExportLog() {
  return useMutation({
    mutationFn: async ({
      filters,
      format,
      signal,
      onProgress,
    }: {
      filters: DeliveryListFilters;
      format: "csv" | "json";
      signal: AbortSignal;
      onProgress: (progress: ExportProgress) => void;
    }) => {
      const result = await collectLog((query) => api.listDeliveriesPaced(query), filters, {
        signal,
        onProgress,
      });
      await api
        .reportActivity({
          action: "log.exported",
          rows: result.rows.length,
          total: result.total,
          format,
          filters: filtersSeen(filters),
        })
        .catch(() => undefined); // the file is made; its entry on the log is not worth losing it for
      return result;
    },
  });
}

/** The log's filters as the activity log keeps them: names and values, as text. */
function filtersSeen(filters: DeliveryListFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== null && value !== "")
      .map(([name, value]) => [name, String(value).slice(0, 200)]),
  );
}
