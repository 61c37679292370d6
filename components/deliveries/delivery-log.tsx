import Link from "next/link";
import { AutoRefresh } from "@/components/deliveries/auto-refresh";
import { BulkReplayLauncher } from "@/components/deliveries/bulk-replay-launcher";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryTable } from "@/components/deliveries/delivery-table";
import { LogExportLauncher } from "@/components/deliveries/log-export-launcher";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { UnreadableRows } from "@/components/ui/unreadable-rows";
import { Pager } from "@/components/ui/pager";
import { RefreshButton } from "@/components/ui/refresh-button";
import { logHref, type DeliveryLogView, type FilterChip } from "@/lib/deliveries/log-view";

/** The filters that apply, each a link that clears it: shown when they match nothing. */
function FilterChips({ chips }: { chips: FilterChip[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-2">
      {chips.map((chip) => (
        <li key={chip.name}>
          <Link
            href={chip.href}
            className="inline-flex min-h-6 items-center rounded-full bg-slate-100 px-3 text-slate-800 hover:bg-slate-200"
          >
            {chip.name}: {chip.value}{" "}
            <span className="ml-2" aria-hidden>
              ×
            </span>
            <span className="sr-only"> (clear this filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The delivery log, rendered on the server: notices, the filters, auto-refresh and the bulk
 * replay, then the rows (or why there are none) and the pager. `formKey` gives the filter form
 * fresh fields for a new URL (back, forward, Clear) and keeps typing on a refresh of the same one.
 */
export function DeliveryLog({ view, now, formKey }: { view: DeliveryLogView; now: number; formKey: string }) {
  const { filters, since, list, labels, chips } = view;
  return (
    <div className="space-y-4">
      {view.notice ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.notice}
        </p>
      ) : null}
      <DeliveryFilters
        key={formKey}
        filters={filters}
        since={since}
        endpointText={
          filters.endpoint_id
            ? (labels.get(filters.endpoint_id)?.name ?? filters.endpoint_id)
            : (view.unmatched ?? "")
        }
        endpoints={view.choices}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <AutoRefresh listId="delivery-log" />
        <div className="flex flex-wrap items-start gap-3 max-sm:w-full">
          {list.ok && list.data.pagination.total_count > 0 ? (
            <LogExportLauncher
              filters={{ ...filters, page: undefined }}
              total={list.data.pagination.total_count}
            />
          ) : null}
          {view.deadLetters ? (
            <BulkReplayLauncher count={view.deadLetters} filters={{ ...filters, page: undefined }} />
          ) : null}
        </div>
      </div>
      <div id="delivery-log" className="space-y-4">
        {!list.ok ? (
          <ErrorState message={list.message} action={<RefreshButton />} />
        ) : (
          <>
            <UnreadableRows count={list.data.unreadable} />
            {list.data.data.length === 0 ? (
              <EmptyState title={chips.length ? "No delivery matches these filters" : "No deliveries yet"}>
                {chips.length ? (
                  <FilterChips chips={chips} />
                ) : (
                  <p>
                    Deliveries appear here when Closient sends an event to one of your endpoints, or when you
                    send a test ping.
                  </p>
                )}
              </EmptyState>
            ) : (
              <div className="space-y-4">
                <DeliveryTable deliveries={list.data.data} labels={labels} now={now} />
                <Pager
                  page={list.data.pagination.page}
                  totalPages={list.data.pagination.total_pages}
                  total={list.data.pagination.total_count}
                  href={(page) => logHref({ ...filters, page }, since)}
                />
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
