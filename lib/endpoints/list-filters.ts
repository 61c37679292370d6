import { endpointListQuerySchema, parseQuery, type EndpointListQuery } from "@/lib/closient";

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
