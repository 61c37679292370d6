import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { DeliveryListFilters } from "@/lib/closient";

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
