/** Upstream paths, exactly as documented (trailing slashes included). */
export const API_BASE = "/integrations/api/v1";

export const upstreamPaths = {
  whoami: () => "/account/api/v1/whoami",
  endpoints: () => `${API_BASE}/webhooks/endpoints/`,
  endpoint: (id: string) => `${API_BASE}/webhooks/endpoints/${id}/`,
  rotateSecret: (id: string) => `${API_BASE}/webhooks/endpoints/${id}/rotate-secret/`,
  test: (id: string) => `${API_BASE}/webhooks/endpoints/${id}/test/`,
  deliveries: () => `${API_BASE}/webhooks/deliveries/`,
  replay: (id: string) => `${API_BASE}/webhooks/deliveries/${id}/replay/`,
} as const;

/** Reads `metadata[key]=value` pairs out of a query string. */
export function metadataFilters(params: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [name, value] of params) {
    const match = /^metadata\[(.+)\]$/.exec(name);
    if (match) filters[match[1]!] = value;
  }
  return filters;
}

/** The inverse: a query string for list filters, metadata as `metadata[key]=value`. */
type QueryValue = string | number | boolean | string[] | Record<string, string> | null | undefined;

export function toSearchParams(query: Record<string, QueryValue>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(name, item);
    } else if (typeof value === "object") {
      for (const [key, v] of Object.entries(value)) params.append(`${name}[${key}]`, v);
    } else {
      params.set(name, String(value));
    }
  }
  return params;
}
