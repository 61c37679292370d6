"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { Delivery, DeliveryListFilters } from "@/lib/closient";
import { DELIVERY_STATUSES } from "@/lib/closient/delivery-constants";
import { toSearchParams } from "@/lib/closient/paths";
import { notify } from "@/lib/notify";
import { deliveryListOptions, useReplayDelivery } from "@/lib/queries/deliveries";
import { Button } from "@/components/ui/button";
import { InlineField, Input } from "@/components/ui/field";
import { DataTable } from "@/components/ui/table";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/misc";
import { RelativeTime } from "@/components/ui/relative-time";
import { Pager } from "@/components/ui/pager";
import { DeliveryStatusBadge } from "./delivery-status-badge";

const hrefOf = (filters: DeliveryListFilters) => `/deliveries?${toSearchParams(filters).toString()}`;

/** The delivery log; `filters` are the URL's, read on the server with the shared schemas. */
export function DeliveryList({ filters }: { filters: DeliveryListFilters }) {
  const router = useRouter();
  const go = (next: DeliveryListFilters) => router.push(hrefOf(next));
  const query = useQuery({ ...deliveryListOptions(filters), refetchInterval: 5_000 });
  const filtered = Boolean(filters.endpoint_id || filters.status || filters.event_type);

  return (
    <div className="space-y-4">
      <form
        // Remounted when the URL's filters change, so the fields always show the filters in force.
        key={JSON.stringify(filters)}
        role="search"
        aria-label="Filter deliveries"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const text = (name: string) => {
            const value = form.get(name);
            return typeof value === "string" && value.trim() ? value.trim() : undefined;
          };
          go({
            page: 1,
            endpoint_id: text("endpoint_id"),
            status: text("status") as DeliveryListFilters["status"],
            event_type: text("event_type"),
          });
        }}
      >
        <InlineField label="Status">
          <select
            name="status"
            defaultValue={filters.status ?? ""}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Any</option>
            {DELIVERY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.replace("_", " ")}
              </option>
            ))}
          </select>
        </InlineField>
        <InlineField label="Event type">
          <Input
            name="event_type"
            defaultValue={filters.event_type ?? ""}
            maxLength={100}
            className="w-44 font-mono"
          />
        </InlineField>
        <InlineField label="Endpoint id">
          <Input
            name="endpoint_id"
            defaultValue={filters.endpoint_id ?? ""}
            maxLength={22}
            className="w-60 font-mono"
          />
        </InlineField>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filtered ? (
          <Button variant="ghost" onClick={() => go({ page: 1 })}>
            Clear
          </Button>
        ) : null}
      </form>

      {query.isPending ? (
        <div
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
          aria-busy="true"
          aria-label="Loading deliveries"
        >
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />
      ) : query.data.data.length === 0 ? (
        <EmptyState title={filtered ? "No delivery matches these filters" : "No deliveries yet"}>
          <p>
            {filtered
              ? "Try another status or clear the filters."
              : "Deliveries appear here when Closient sends an event to one of your endpoints, or when you send a test ping."}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Webhook deliveries, newest first"
            columns={[
              { label: "Event" },
              { label: "Status" },
              { label: "Attempts" },
              { label: "Response" },
              { label: "Created" },
              { label: "Actions", srOnly: true },
            ]}
          >
            {query.data.data.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} />
            ))}
          </DataTable>
          <Pager
            page={query.data.pagination.page}
            totalPages={query.data.pagination.total_pages}
            total={query.data.pagination.total_count}
            href={(page) => hrefOf({ ...filters, page })}
          />
        </>
      )}
    </div>
  );
}

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const replay = useReplayDelivery();
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <span className="font-mono text-xs">{delivery.event_type}</span>
        <span className="block font-mono text-xs text-slate-500">{delivery.event_id}</span>
        <Link href={`/webhooks/${delivery.endpoint_id}`} className="text-xs text-indigo-700 underline">
          endpoint {delivery.endpoint_id}
        </Link>
      </td>
      <td className="px-4 py-3">
        <DeliveryStatusBadge status={delivery.status} />
      </td>
      <td className="px-4 py-3 tabular-nums">{delivery.attempts}</td>
      <td className="max-w-xs px-4 py-3 text-xs">
        <span className="font-medium">{delivery.http_status_code ?? "—"}</span>
        {delivery.response_body ? (
          <span className="block truncate font-mono text-slate-500" title={delivery.response_body}>
            {delivery.response_body}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-3 text-xs whitespace-nowrap text-slate-600">
        <RelativeTime iso={delivery.created_at} />
      </td>
      <td className="px-4 py-3 text-right">
        {delivery.status === "dead_letter" ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={replay.isPending}
            aria-label={`Replay delivery ${delivery.id}`}
            onClick={() =>
              replay.mutate(delivery.id, {
                onSuccess: (result) =>
                  notify.success(
                    `Replayed as a new delivery: ${result.status.replace("_", " ")}${result.http_status_code ? ` (HTTP ${result.http_status_code})` : ""}`,
                  ),
                onError: (error) => notify.error(`Replay failed: ${error.message}`),
              })
            }
          >
            {replay.isPending ? "Replaying…" : "Replay"}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
