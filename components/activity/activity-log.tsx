import Form from "next/form";
import Link from "next/link";
import {
  ACTIVITY_ACTIONS,
  type ActivityEntry,
  type ActivityFilters,
  type ActivityPeriod,
} from "@/lib/activity/entry";
import { InlineField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { RefreshButton } from "@/components/ui/refresh-button";
import { ActivityEntryItem } from "./activity-entry";

const control = "min-h-9 w-full rounded-md border border-slate-300 bg-surface px-3 py-1.5 text-sm sm:w-auto";
const PERIODS: [ActivityPeriod | "", string][] = [
  ["", "Any time"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
];

export interface ActivityView {
  filters: ActivityFilters;
  period: ActivityPeriod | null;
  dropped: string[];
  page:
    | { ok: true; data: { data: ActivityEntry[]; next_cursor: string | null } }
    | { ok: false; message: string };
  endpoints: { id: string; name: string }[];
  endpointName: string | null;
}

/** The URL of this view with `change` applied (undefined drops a parameter). */
function hrefWith(view: ActivityView, change: Record<string, string | undefined>, base = "/activity") {
  const { filters, period } = view;
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    endpoint: filters.endpoint,
    actor: filters.actor,
    action: filters.action,
    since: period ?? filters.since,
    until: filters.until,
    ...change,
  };
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * The organization's activity log: newest first, filtered by endpoint, actor, action and time
 * (all in the URL, a plain GET form), a page at a time, each entry in words with what it changed
 * on demand; the current filters as CSV or JSON.
 */
export function ActivityLog({ view, now }: { view: ActivityView; now: number }) {
  const { filters, page } = view;
  const filtered = Boolean(
    filters.endpoint || filters.actor || filters.action || filters.since || filters.until,
  );
  return (
    <div className="space-y-4">
      <Form
        action="/activity"
        role="search"
        aria-label="Filter the activity log"
        className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap"
      >
        <InlineField label="Endpoint" className="col-span-2 sm:col-span-1">
          <select name="endpoint" defaultValue={filters.endpoint ?? ""} className={control}>
            <option value="">Any</option>
            {filters.endpoint && !view.endpoints.some((e) => e.id === filters.endpoint) ? (
              <option value={filters.endpoint}>{view.endpointName ?? filters.endpoint}</option>
            ) : null}
            {view.endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name.length > 60 ? `${e.name.slice(0, 59)}…` : e.name}
              </option>
            ))}
          </select>
        </InlineField>
        <InlineField label="Who">
          <input
            name="actor"
            defaultValue={filters.actor ?? ""}
            placeholder="Email or key name"
            className={control}
          />
        </InlineField>
        <InlineField label="Action">
          <select name="action" defaultValue={filters.action ?? ""} className={control}>
            <option value="">Any</option>
            {ACTIVITY_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </InlineField>
        <InlineField label="When">
          <select name="since" defaultValue={view.period ?? ""} className={control}>
            {PERIODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </InlineField>
        <div className="col-span-2 flex gap-2 max-sm:[&>*]:flex-1">
          <FilterActions filtered={filtered} clearHref="/activity" />
        </div>
      </Form>
      {view.dropped.length ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Left out a filter that could not be read: {view.dropped.join(", ")}.
        </p>
      ) : null}
      {!page.ok ? (
        <ErrorState message={page.message} action={<RefreshButton />} />
      ) : page.data.data.length === 0 ? (
        <EmptyState title={filtered ? "Nothing matches these filters" : "Nothing recorded yet"}>
          {filtered
            ? "Try a longer time or fewer filters."
            : "Changes made through the portal appear here: who made them, when, and what changed."}
        </EmptyState>
      ) : (
        <section aria-label="Entries" className="bg-surface rounded-lg border border-slate-200 px-4 sm:px-6">
          <ol className="divide-y divide-slate-200">
            {page.data.data.map((entry) => (
              <ActivityEntryItem key={entry.id} entry={entry} now={now} />
            ))}
          </ol>
        </section>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="flex gap-3">
          <a
            href={hrefWith(view, { format: "csv" }, "/api/activity/export")}
            className="inline-flex min-h-6 items-center text-indigo-700 underline"
            download
          >
            Export CSV
          </a>
          <a
            href={hrefWith(view, { format: "json" }, "/api/activity/export")}
            className="inline-flex min-h-6 items-center text-indigo-700 underline"
            download
          >
            Export JSON
          </a>
        </span>
        <span className="flex gap-3">
          {filters.cursor ? (
            <Link
              href={hrefWith(view, {})}
              prefetch={false}
              className="inline-flex min-h-6 items-center text-indigo-700 underline"
            >
              Newest
            </Link>
          ) : null}
          {page.ok && page.data.next_cursor ? (
            <Link
              href={hrefWith(view, { cursor: page.data.next_cursor })}
              prefetch={false}
              className="inline-flex min-h-6 items-center text-indigo-700 underline"
            >
              Older
            </Link>
          ) : null}
        </span>
      </div>
    </div>
  );
}

/** An endpoint's last few changes, on its page. */
export function RecentChanges({
  endpointId,
  entries,
  now,
}: {
  endpointId: string;
  entries: ActivityEntry[] | null;
  now: number;
}) {
  return (
    <div className="space-y-2">
      {entries === null ? (
        <p className="text-sm text-slate-600">The activity log cannot be read just now.</p>
      ) : entries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing recorded for this endpoint yet.</p>
      ) : (
        <ol className="divide-y divide-slate-200">
          {entries.slice(0, 5).map((entry) => (
            <ActivityEntryItem key={entry.id} entry={entry} now={now} />
          ))}
        </ol>
      )}
      <p className="text-xs text-slate-600">
        <Link
          href={`/activity?endpoint=${endpointId}`}
          prefetch={false}
          className="inline-flex min-h-6 items-center text-indigo-700 underline"
        >
          All of its activity
        </Link>{" "}
        · Changes made outside the portal show here only once the portal reads the endpoint again.
      </p>
    </div>
  );
}
