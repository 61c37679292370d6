import Form from "next/form";
import type { DeliveryListFilters } from "@/lib/closient";
import { DELIVERY_STATUSES } from "@/lib/closient/delivery-constants";
import { EVENT_CATALOGUE } from "@/lib/closient/event-types";
import type { SincePreset } from "@/lib/deliveries/log-filters";
import { InlineField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";

const control = "min-h-9 w-full rounded-md border border-slate-300 bg-surface px-3 py-1.5 text-sm sm:w-auto";

const PRESETS: [SincePreset | "", string][] = [
  ["", "Any time"],
  ["1h", "Last hour"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
];

/**
 * The log's filters as a plain GET form (it works before any script has loaded): every filter
 * lands in the URL, so a link reproduces the view. The endpoint field offers the newest
 * endpoints by name and accepts an id or any part of a description or URL; the event-type field
 * offers the catalogue.
 */
export function DeliveryFilters({
  filters,
  since,
  endpointText,
  endpoints,
}: {
  filters: DeliveryListFilters;
  since?: SincePreset;
  /** What the endpoint field shows: the endpoint's name when it is known. */
  endpointText: string;
  endpoints: { id: string; name: string; url: string }[];
}) {
  const filtered = Boolean(
    filters.endpoint_id || filters.status || filters.event_type || since || filters.created_after,
  );
  return (
    <Form
      action="/deliveries"
      role="search"
      aria-label="Filter deliveries"
      // Two columns on a phone, a row of fields from `sm` up.
      className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap"
    >
      <InlineField label="Status">
        <select name="status" defaultValue={filters.status ?? ""} className={control}>
          <option value="">Any</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.replace("_", " ")}
            </option>
          ))}
        </select>
      </InlineField>
      <InlineField label="Event type">
        <input
          name="event_type"
          list="event-type-options"
          defaultValue={filters.event_type ?? ""}
          maxLength={100}
          autoComplete="off"
          className={`${control} font-mono sm:w-44`}
        />
      </InlineField>
      <datalist id="event-type-options">
        {EVENT_CATALOGUE.map((entry) => (
          <option key={entry.type} value={entry.type} label={entry.description} />
        ))}
      </datalist>
      <InlineField label="Endpoint" className="max-sm:col-span-2">
        <input
          name="endpoint"
          list="endpoint-options"
          defaultValue={endpointText}
          placeholder="Name, URL or id"
          autoComplete="off"
          className={`${control} sm:w-60`}
        />
      </InlineField>
      {/* Outside the labels, so a field's name is its label alone. */}
      <datalist id="endpoint-options">
        {endpoints.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.name}>
            {endpoint.url}
          </option>
        ))}
      </datalist>
      <InlineField label="Time">
        <select name="since" defaultValue={since ?? ""} className={control}>
          {PRESETS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </InlineField>
      <InlineField label="From (UTC)">
        <input
          name="created_after"
          defaultValue={since ? "" : (filters.created_after ?? "")}
          placeholder="2026-11-28T09:00Z"
          className={`${control} font-mono sm:w-44`}
        />
      </InlineField>
      <InlineField label="To (UTC)">
        <input
          name="created_before"
          defaultValue={filters.created_before ?? ""}
          placeholder="2026-11-28T12:00Z"
          className={`${control} font-mono sm:w-44`}
        />
      </InlineField>
      <FilterActions filtered={filtered} clearHref="/deliveries" />
    </Form>
  );
}
