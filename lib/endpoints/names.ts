/** What a page needs to name an endpoint: never its secret or metadata. */
export interface EndpointSummary {
  id: string;
  url: string;
  description: string;
}

/** "Orders receiver", else its URL. */
export function endpointName(endpoint: EndpointSummary): string {
  return endpoint.description || endpoint.url;
}

/** How a row names its endpoint; `named` is false while only the id is known. */
export interface EndpointLabel {
  name: string;
  named: boolean;
}

/** A label for each id: the endpoint's name where it is known, else the id itself. */
export function endpointLabels(
  ids: Iterable<string>,
  known: { get(id: string): EndpointSummary | undefined },
) {
  return new Map<string, EndpointLabel>(
    [...new Set(ids)].map((id) => {
      const endpoint = known.get(id);
      return [id, endpoint ? { name: endpointName(endpoint), named: true } : { name: id, named: false }];
    }),
  );
}

/** An endpoint typed by name or URL: the one endpoint it names exactly, else the one it is part of. */
export function matchEndpoint(text: string, endpoints: EndpointSummary[]): string | null {
  const needle = text.trim().toLowerCase();
  const exact = endpoints.filter(
    (e) => endpointName(e).toLowerCase() === needle || e.url.toLowerCase() === needle,
  );
  if (exact.length === 1) return exact[0]!.id;
  const partial = endpoints.filter(
    (e) => e.description.toLowerCase().includes(needle) || e.url.toLowerCase().includes(needle),
  );
  return partial.length === 1 ? partial[0]!.id : null;
}
