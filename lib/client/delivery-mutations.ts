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
export function useReplayDelivery(deliveryId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.replayDelivery(deliveryId),
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
      signal,
      onProgress,
    }: {
      plan: Plan;
      signal: AbortSignal;
      onProgress: (progress: Progress) => void;
    }) => {
      const summary = await runReplay(plan.replay, (id) => api.replayDeliveryPaced(id), {
        signal,
        onProgress,
      });
      if (summary.stopped && summary.stopped !== "cancelled") throwIfSessionEnded(summary.stopped.error);
      summary.skipped.unshift(...plan.skipped);
      return summary;
    },
    onSettled: refresh,
  });
}

/** Reads every row the filters match, page by page, for a file made in the browser. */
export function useExportLog() {
  return useMutation({
    mutationFn: ({
      filters,
      signal,
      onProgress,
    }: {
      filters: DeliveryListFilters;
      signal: AbortSignal;
      onProgress: (progress: ExportProgress) => void;
    }) => collectLog((query) => api.listDeliveriesPaced(query), filters, { signal, onProgress }),
  });
}
