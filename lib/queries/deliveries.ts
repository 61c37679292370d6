import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { deliveryListQuerySchema, parseQuery, type DeliveryListFilters } from "@/lib/closient";

/** The log's filters as the URL holds them; values the API would refuse fall back to none. */
export function deliveryFiltersFrom(params: URLSearchParams): DeliveryListFilters {
  try {
    const { page, endpoint_id, status, event_type } = parseQuery(params, deliveryListQuerySchema);
    return { page, endpoint_id, status, event_type };
  } catch {
    return { page: 1 };
  }
}

export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => [...deliveryKeys.all, "list"] as const,
  list: (filters: DeliveryListFilters) => [...deliveryKeys.lists(), filters] as const,
};

export const deliveryListOptions = (filters: DeliveryListFilters) =>
  queryOptions({ queryKey: deliveryKeys.list(filters), queryFn: () => api.listDeliveries(filters) });

export function useReplayDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.replayDelivery(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}
