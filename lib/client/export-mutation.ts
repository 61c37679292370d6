import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/client/api-client";
import { filtersSeen } from "@/lib/client/filters-seen";
import type { DeliveryListFilters } from "@/lib/closient";
import { collectLog, type ExportProgress } from "@/lib/deliveries/export";

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
