import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AutoRefresh } from "@/components/deliveries/auto-refresh";
import { BulkReplayLauncher } from "@/components/deliveries/bulk-replay-launcher";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryTable, type EndpointLabel } from "@/components/deliveries/delivery-table";
import { EmptyState, ErrorState, PageHeader, UnreadableRows } from "@/components/ui/misc";
import { Pager } from "@/components/ui/pager";
import { RefreshButton } from "@/components/ui/refresh-button";
import { isShortUuid, MAX_DELIVERY_ATTEMPTS, toSearchParams, type DeliveryListFilters } from "@/lib/closient";
import { deliveryViewFrom, type SincePreset } from "@/lib/deliveries/log-filters";
import { endpointDirectory, endpointName, type EndpointSummary } from "@/lib/server/endpoint-directory";
import { load, requestTime } from "@/lib/server/load";
import { currentSession } from "@/lib/server/session";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Deliveries" };

const FILTER_NAMES: Record<string, string> = {
  status: "status",
  event_type: "event type",
  endpoint_id: "endpoint",
  since: "time",
  created_after: "from",
  created_before: "to",
  page: "page",
};

/** The URL of the log with `view`'s filters, `since` kept as the preset. */
function hrefOf(filters: DeliveryListFilters, since?: SincePreset) {
  const query = since ? { ...filters, created_after: undefined, since } : filters;
  const params = toSearchParams({ ...query, page: query.page === 1 ? undefined : query.page });
  return `/deliveries${params.size ? `?${params.toString()}` : ""}`;
}

/** An endpoint typed by name or URL in the filter: the one endpoint it names, if exactly one. */
function matchEndpoint(text: string, endpoints: EndpointSummary[]): string | null {
  const needle = text.trim().toLowerCase();
  const matches = endpoints.filter(
    (e) => endpointName(e).toLowerCase() === needle || e.url.toLowerCase() === needle,
  );
  if (matches.length === 1) return matches[0]!.id;
  const partial = endpoints.filter(
    (e) => e.description.toLowerCase().includes(needle) || e.url.toLowerCase().includes(needle),
  );
  return partial.length === 1 ? partial[0]!.id : null;
}

export default async function DeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const params = toSearchParams(await searchParams);
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const now = requestTime();

  // The form's free-text endpoint becomes the canonical `endpoint_id` (one redirect).
  const typed = params.get("endpoint");
  if (typed !== null) {
    params.delete("endpoint");
    let id: string | null = null;
    if (isShortUuid(typed.trim())) id = typed.trim();
    else if (typed.trim()) {
      const { known } = await endpointDirectory(session.caller, session.info.organization.id, [], {
        fresh: true,
      });
      id = matchEndpoint(typed, [...known.values()]);
      if (!id) params.set("endpoint_unmatched", typed.trim().slice(0, 100));
    }
    if (id) params.set("endpoint_id", id);
    for (const [name, value] of [...params]) if (value === "") params.delete(name);
    redirect(`/deliveries${params.size ? `?${params.toString()}` : ""}`);
  }

  const { filters, since, dropped } = deliveryViewFrom(params, now);
  const unmatched = params.get("endpoint_unmatched");
  const list = await load((caller) =>
    webhooks.listDeliveries(caller, { ...filters, page: filters.page ?? 1, page_size: 50 }),
  );
  const ids = list.ok ? list.data.data.map((d) => d.endpoint_id) : [];
  if (filters.endpoint_id) ids.push(filters.endpoint_id);
  const directory = await endpointDirectory(session.caller, session.info.organization.id, ids);
  const labels = new Map<string, EndpointLabel>(
    [...new Set(ids)].map((id) => {
      const known = directory.known.get(id);
      return [id, known ? { name: endpointName(known), named: true } : { name: id, named: false }];
    }),
  );

  // How many dead letters the current filters hold: the bulk replay's count.
  let deadLetters: number | null = null;
  if (list.ok && filters.status === "dead_letter") deadLetters = list.data.pagination.total_count;
  else if (list.ok && !filters.status) {
    try {
      const counted = await webhooks.listDeliveries(session.caller, {
        ...filters,
        status: "dead_letter",
        page: 1,
        page_size: 1,
      });
      deadLetters = counted.data.pagination.total_count;
    } catch {
      deadLetters = null;
    }
  }

  const active: [string, string, string][] = []; // [name, shown value, URL without it]
  const without = (changes: Partial<DeliveryListFilters>, keepSince = since) =>
    hrefOf({ ...filters, ...changes, page: 1 }, keepSince);
  if (filters.status)
    active.push(["status", filters.status.replace("_", " "), without({ status: undefined })]);
  if (filters.event_type) active.push(["event type", filters.event_type, without({ event_type: undefined })]);
  if (filters.endpoint_id)
    active.push([
      "endpoint",
      labels.get(filters.endpoint_id)?.name ?? filters.endpoint_id,
      without({ endpoint_id: undefined }),
    ]);
  if (since) active.push(["time", `last ${since}`, without({ created_after: undefined }, undefined)]);
  else {
    if (filters.created_after)
      active.push(["from", filters.created_after, without({ created_after: undefined })]);
    if (filters.created_before)
      active.push(["to", filters.created_before, without({ created_before: undefined })]);
  }

  return (
    <>
      <PageHeader
        title="Deliveries"
        description={`Every attempt to deliver an event, newest first. A delivery that used up its ${MAX_DELIVERY_ATTEMPTS} attempts is a dead letter: replay it once the receiver is fixed.`}
      />
      <div className="space-y-4">
        {dropped.length || unmatched ? (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {dropped.length
              ? `Left out of the filters, as they were not valid: ${dropped.map((name) => FILTER_NAMES[name] ?? name).join(", ")}. `
              : ""}
            {unmatched
              ? `No single endpoint matches “${unmatched}”: pick one from the list, or paste its id.`
              : ""}
          </p>
        ) : null}
        <DeliveryFilters
          // A new URL gives fresh fields (back, forward, Clear); a refresh of the same URL keeps typing.
          key={params.toString()}
          filters={filters}
          since={since}
          endpointText={
            filters.endpoint_id
              ? (labels.get(filters.endpoint_id)?.name ?? filters.endpoint_id)
              : (unmatched ?? "")
          }
          endpoints={directory.newest.map((e) => ({ id: e.id, name: endpointName(e), url: e.url }))}
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <AutoRefresh listId="delivery-log" />
          {deadLetters ? (
            <BulkReplayLauncher count={deadLetters} filters={{ ...filters, page: undefined }} />
          ) : null}
        </div>
        <div id="delivery-log" className="space-y-4">
          {list.ok ? <UnreadableRows count={list.data.unreadable} /> : null}
          {!list.ok ? (
            <ErrorState message={list.message} action={<RefreshButton />} />
          ) : list.data.data.length === 0 ? (
            <EmptyState title={active.length ? "No delivery matches these filters" : "No deliveries yet"}>
              {active.length ? (
                <ul className="flex flex-wrap justify-center gap-2">
                  {active.map(([name, value, href]) => (
                    <li key={name}>
                      <Link
                        href={href}
                        className="inline-flex min-h-6 items-center rounded-full bg-slate-100 px-3 text-slate-800 hover:bg-slate-200"
                      >
                        {name}: {value}{" "}
                        <span className="ml-2" aria-hidden>
                          ×
                        </span>
                        <span className="sr-only"> (clear this filter)</span>
                      </Link>
                    </li>
                  ))}
                </ul>
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
                href={(page) => hrefOf({ ...filters, page }, since)}
              />
            </div>
          )}
        </div>
      </div>
    </>
  );
}
