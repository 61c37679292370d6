import Link from "next/link";
import type { Endpoint, Paginated } from "@/lib/closient";
import { toSearchParams } from "@/lib/closient/paths";
import type { EndpointFilters } from "@/lib/endpoints/list-filters";
import { EmptyState } from "@/components/ui/states";
import { UnreadableRows } from "@/components/ui/unreadable-rows";
import { LinkPending } from "@/components/ui/link-pending";
import { Pager } from "@/components/ui/pager";
import { DataTable } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { EventTypeChips } from "./event-type-chips";
import { MetadataFilter } from "./metadata-filter";
import { toggleFields } from "./endpoint-status";
import { AlertedBadge } from "@/components/alerts/alert-state";
import type { AlertStates } from "@/lib/alerts/settings";
import { PauseToggle } from "./pause-toggle";

const addEndpoint =
  "inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong";

/**
 * The organization's endpoints, rendered on the server: rows, chips and times are HTML; only
 * the filter form and each row's pause switch are interactive.
 */
export function EndpointList({
  filters,
  page,
  now,
  failing,
  alerts,
}: {
  filters: EndpointFilters;
  page: Paginated<Endpoint>;
  /** Endpoints whose newest attempted delivery failed. */
  failing: Set<string>;
  /** What the portal's watcher told the team (null: not watched). */
  alerts: AlertStates | null;
  /** The request's time, for "3 minutes ago". */
  now: number;
}) {
  const filtered = Object.keys(filters.metadata).length > 0;
  return (
    <div className="space-y-4">
      <MetadataFilter key={JSON.stringify(filters.metadata)} metadata={filters.metadata} />
      <UnreadableRows count={page.unreadable} />
      {page.data.length === 0 ? (
        filtered ? (
          <EmptyState title="No endpoint matches this filter">
            <Link className="font-medium text-indigo-700 underline" href="/webhooks">
              Clear the filter
            </Link>
          </EmptyState>
        ) : filters.page > 1 ? (
          <EmptyState title="This page is empty">
            <Link className="font-medium text-indigo-700 underline" href="/webhooks">
              Back to the first page
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No webhook endpoints yet">
            <p>Add an endpoint to receive Closient events, signed, at a URL of yours.</p>
            <Link href="/webhooks/new" prefetch={false} className={addEndpoint}>
              Add endpoint
            </Link>
          </EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption="Webhook endpoints"
            columns={[
              { label: "Endpoint" },
              { label: "Event types" },
              { label: "Status" },
              { label: "Signing secret" },
              { label: "Updated" },
            ]}
          >
            {page.data.map((endpoint) => (
              <tr key={endpoint.id} className="align-top">
                <td className="max-sm:col-span-2 sm:max-w-xs">
                  <Link
                    href={`/webhooks/${endpoint.id}`}
                    prefetch={false}
                    className="line-clamp-3 py-1 font-mono text-xs break-all text-indigo-700 underline"
                  >
                    {endpoint.url}
                    <LinkPending />
                  </Link>
                  <p className="mt-1 line-clamp-3 break-words text-slate-700">
                    {endpoint.description || <span className="text-slate-500">No description</span>}
                  </p>
                </td>
                <td className="max-sm:order-3 max-sm:col-span-2">
                  <EventTypeChips types={endpoint.event_types} />
                </td>
                <td className="whitespace-nowrap max-sm:order-1">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:flex-col sm:items-start">
                    <PauseToggle endpoint={toggleFields(endpoint)} />
                    {failing.has(endpoint.id) ? (
                      <Link
                        href={`/deliveries?endpoint_id=${endpoint.id}`}
                        prefetch={false}
                        title="Its newest deliveries fail: see them"
                        className="inline-flex min-h-6 items-center gap-1 rounded-full bg-red-100 px-2 text-xs font-medium text-red-900"
                      >
                        <span aria-hidden>⚠</span> Failing
                      </Link>
                    ) : null}
                    <AlertedBadge alerts={alerts} endpointId={endpoint.id} />
                  </div>
                </td>
                <td className="font-mono text-xs whitespace-nowrap max-sm:order-4">
                  <span className="font-sans text-slate-600 sm:hidden">Secret </span>
                  {endpoint.signing_secret}
                </td>
                <td className="text-xs whitespace-nowrap text-slate-600 max-sm:order-2 max-sm:self-start max-sm:text-right">
                  <TimeAgo iso={endpoint.updated_at} now={now} />
                  <span className="block text-slate-500">
                    created <TimeAgo iso={endpoint.created_at} now={now} />
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={page.pagination.page}
            totalPages={page.pagination.total_pages}
            total={page.pagination.total_count}
            href={(n) => `/webhooks?${toSearchParams({ page: n, metadata: filters.metadata }).toString()}`}
          />
        </>
      )}
    </div>
  );
}
