import {
  deliveryListQuerySchema,
  endpointListQuerySchema,
  parseQuery,
  type DeliveryListFilters,
  type EndpointListQuery,
} from "@/lib/closient";

export type EndpointFilters = Pick<EndpointListQuery, "page" | "metadata">;

/** The endpoint list's filters as the URL holds them (`?page=2&metadata[env]=prod`); bad values fall back. */
export function endpointFiltersFrom(params: URLSearchParams): EndpointFilters {
  try {
    const { page, metadata } = parseQuery(params, endpointListQuerySchema);
    return { page, metadata };
  } catch {
    return { page: 1, metadata: {} };
  }
}

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
