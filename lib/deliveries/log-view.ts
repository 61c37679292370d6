import type { Delivery, DeliveryListFilters } from "@/lib/closient/delivery";
import type { Paginated } from "@/lib/closient/pagination";
import type { EndpointLabel } from "@/lib/endpoints/names";
import { toSearchParams } from "@/lib/closient/paths";
import type { SincePreset } from "./log-filters";

/** The log's URL with these filters, `since` kept as its preset and page 1 left out. */
export function logHref(filters: DeliveryListFilters, since?: SincePreset): string {
  const query = since ? { ...filters, created_after: undefined, since } : filters;
  const params = toSearchParams({ ...query, page: query.page === 1 ? undefined : query.page });
  return `/deliveries${params.size ? `?${params.toString()}` : ""}`;
}

/** A filter that applies, as a chip: its name, its value in words, and the log's URL without it. */
export interface FilterChip {
  name: string;
  value: string;
  href: string;
}

export function filterChips(
  filters: DeliveryListFilters,
  since: SincePreset | undefined,
  endpointName: (id: string) => string,
): FilterChip[] {
  const chips: FilterChip[] = [];
  // The preset is passed every time: a default parameter would bring it back for `undefined`.
  const chip = (
    name: string,
    value: string,
    changes: Partial<DeliveryListFilters>,
    keepSince: SincePreset | undefined,
  ) => chips.push({ name, value, href: logHref({ ...filters, ...changes, page: 1 }, keepSince) });
  if (filters.status) chip("status", filters.status.replace("_", " "), { status: undefined }, since);
  if (filters.event_type) chip("event type", filters.event_type, { event_type: undefined }, since);
  if (filters.endpoint_id) {
    chip("endpoint", endpointName(filters.endpoint_id), { endpoint_id: undefined }, since);
  }
  if (since) chip("time", `last ${since}`, { created_after: undefined }, undefined);
  else {
    if (filters.created_after) chip("from", filters.created_after, { created_after: undefined }, since);
    if (filters.created_before) chip("to", filters.created_before, { created_before: undefined }, since);
  }
  return chips;
}

const FILTER_NAMES: Record<string, string> = {
  status: "status",
  event_type: "event type",
  endpoint_id: "endpoint",
  since: "time",
  created_after: "from",
  created_before: "to",
  page: "page",
};

/** What the page says about filters it could not use, or null when it used them all. */
export function filterNotice(dropped: string[], unmatched: string | null): string | null {
  const parts: string[] = [];
  if (dropped.length) {
    const names = dropped.map((name) => FILTER_NAMES[name] ?? name).join(", ");
    parts.push(`Left out of the filters, as they were not valid: ${names}.`);
  }
  if (unmatched)
    parts.push(`No single endpoint matches “${unmatched}”: pick one from the list, or paste its id.`);
  return parts.length ? parts.join(" ") : null;
}

/** Everything the delivery log shows, read for one request. */
export interface DeliveryLogView {
  filters: DeliveryListFilters;
  since: SincePreset | undefined;
  /** Filters the URL held that could not be used, in words, or null. */
  notice: string | null;
  /** What the admin typed for an endpoint when it matched none (kept in the field). */
  unmatched: string | null;
  /** The page of rows, or the message (with its reference) to show instead. */
  list: { ok: true; data: Paginated<Delivery> } | { ok: false; message: string };
  labels: Map<string, EndpointLabel>;
  /** The newest endpoints, for the filter's picker. */
  choices: { id: string; name: string; url: string }[];
  /** How many dead letters the filters hold (the bulk replay's count), when known. */
  deadLetters: number | null;
  chips: FilterChip[];
}
