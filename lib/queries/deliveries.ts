import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { deliveryListQuerySchema, type DeliveryListFilters } from "@/lib/closient";

/**
 * The log's filters as the URL holds them. Each is checked with the shared schema on its own: a
 * value the API would refuse is dropped, and the others still apply.
 */
export function deliveryFiltersFrom(params: URLSearchParams): DeliveryListFilters {
  const { shape } = deliveryListQuerySchema;
  const value = (name: string) => params.get(name) ?? undefined;
  return {
    page: shape.page.safeParse(value("page")).data ?? 1,
    endpoint_id: shape.endpoint_id.safeParse(value("endpoint_id")).data,
    status: shape.status.safeParse(value("status")).data,
    event_type: shape.event_type.safeParse(value("event_type")).data,
  };
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
