import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import {
  endpointListQuerySchema,
  maskSecret,
  parseQuery,
  type Endpoint,
  type EndpointCreateInput,
  type EndpointListQuery,
  type EndpointUpdateInput,
} from "@/lib/closient";
import { deliveryKeys } from "./deliveries";

export type EndpointFilters = Pick<EndpointListQuery, "page" | "metadata">;

/** The list's filters as the URL holds them (`?page=2&metadata[env]=prod`); bad values fall back. */
export function endpointFiltersFrom(params: URLSearchParams): EndpointFilters {
  try {
    const { page, metadata } = parseQuery(params, endpointListQuerySchema);
    return { page, metadata };
  } catch {
    return { page: 1, metadata: {} };
  }
}

export const endpointKeys = {
  all: ["endpoints"] as const,
  lists: () => [...endpointKeys.all, "list"] as const,
  list: (filters: EndpointFilters) => [...endpointKeys.lists(), filters] as const,
  details: () => [...endpointKeys.all, "detail"] as const,
  detail: (id: string) => [...endpointKeys.details(), id] as const,
};

export const endpointListOptions = (filters: EndpointFilters) =>
  queryOptions({ queryKey: endpointKeys.list(filters), queryFn: () => api.listEndpoints(filters) });

export const endpointOptions = (id: string) =>
  queryOptions({ queryKey: endpointKeys.detail(id), queryFn: () => api.getEndpoint(id) });

/**
 * Hands the full secret of a create or rotate answer to `onSecret` (the reveal dialog's state)
 * and gives React Query only the masked endpoint: the secret never enters any cache.
 */
function revealOnce(endpoint: Endpoint, onSecret: (secret: string) => void): Endpoint {
  onSecret(endpoint.signing_secret);
  return { ...endpoint, signing_secret: maskSecret(endpoint.signing_secret) };
}

export function useCreateEndpoint(onSecret: (secret: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: EndpointCreateInput) => revealOnce(await api.createEndpoint(body), onSecret),
    onSuccess: async (endpoint) => {
      queryClient.setQueryData(endpointKeys.detail(endpoint.id), endpoint);
      await queryClient.invalidateQueries({ queryKey: endpointKeys.lists() });
    },
  });
}

export function useRotateSecret(id: string, onSecret: (secret: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => revealOnce(await api.rotateSecret(id), onSecret),
    onSuccess: async (endpoint) => {
      queryClient.setQueryData(endpointKeys.detail(id), endpoint);
      await queryClient.invalidateQueries({ queryKey: endpointKeys.all });
    },
  });
}

export function useUpdateEndpoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointUpdateInput) => api.updateEndpoint(id, body),
    onSuccess: async (endpoint) => {
      queryClient.setQueryData(endpointKeys.detail(id), endpoint);
      await queryClient.invalidateQueries({ queryKey: endpointKeys.lists() });
    },
  });
}

/**
 * Pause or resume at once on screen; on failure every cached copy goes back to what it was.
 */
export function useSetActive(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isActive: boolean) => api.updateEndpoint(id, { is_active: isActive }),
    onMutate: async (isActive) => {
      await queryClient.cancelQueries({ queryKey: endpointKeys.all });
      const snapshot = queryClient.getQueriesData({ queryKey: endpointKeys.all });
      queryClient.setQueryData<Endpoint>(endpointKeys.detail(id), (old) =>
        old ? { ...old, is_active: isActive } : old,
      );
      queryClient.setQueriesData<{ data: Endpoint[] }>({ queryKey: endpointKeys.lists() }, (old) =>
        old ? { ...old, data: old.data.map((e) => (e.id === id ? { ...e, is_active: isActive } : e)) } : old,
      );
      return { snapshot };
    },
    onError: (_error, _isActive, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: endpointKeys.all }),
  });
}

export function useTestEndpoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.testEndpoint(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}
