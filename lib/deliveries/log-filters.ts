import { deliveryListQuerySchema, type DeliveryListFilters } from "@/lib/closient";

/** The log's time presets, kept in the URL as `since=24h`; the server turns them into `created_after`. */
const SINCE_PRESETS = {
  "1h": 3600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
} as const;
export type SincePreset = keyof typeof SINCE_PRESETS;

export interface DeliveryView {
  /** What goes upstream (page, endpoint_id, status, event_type, created_after, created_before). */
  filters: DeliveryListFilters;
  /** The preset in the URL, if any: it wins over a custom `created_after`. */
  since?: SincePreset;
  /** The URL's values that were not valid and were left out, by parameter name. */
  dropped: string[];
}

/**
 * The log's filters as the URL holds them. Each is checked with the shared schema on its own: a
 * value the API would refuse is dropped (and named, so the page can say so), and the others
 * still apply. `now` anchors the time presets.
 */
export function deliveryViewFrom(params: URLSearchParams, now: number): DeliveryView {
  const { shape } = deliveryListQuerySchema;
  const dropped: string[] = [];
  const read = <T>(name: string, schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }) => {
    const raw = params.get(name);
    if (raw === null || raw === "") return undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) dropped.push(name);
    return parsed.success ? parsed.data : undefined;
  };
  const rawSince = params.get("since");
  const since = rawSince && rawSince in SINCE_PRESETS ? (rawSince as SincePreset) : undefined;
  if (rawSince && !since) dropped.push("since");
  const filters: DeliveryListFilters = {
    page: read<number>("page", shape.page) ?? 1,
    endpoint_id: read<string>("endpoint_id", shape.endpoint_id),
    status: read<DeliveryListFilters["status"]>("status", shape.status),
    event_type: read<string>("event_type", shape.event_type),
    created_after: since
      ? new Date(now - SINCE_PRESETS[since]).toISOString()
      : read<string>("created_after", shape.created_after),
    created_before: since ? undefined : read<string>("created_before", shape.created_before),
  };
  return { filters, since, dropped };
}

/** The log's filters alone, for callers that do not show what was dropped. */
export function deliveryFiltersFrom(params: URLSearchParams, now = Date.now()): DeliveryListFilters {
  return deliveryViewFrom(params, now).filters;
}
