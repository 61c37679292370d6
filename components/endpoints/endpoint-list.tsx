"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { endpointFiltersFrom, endpointListOptions, type EndpointFilters } from "@/lib/queries/endpoints";
import { Button } from "@/components/ui/button";
import { InlineField, Input } from "@/components/ui/field";
import { DataTable } from "@/components/ui/table";
import { useUrlFilters } from "@/lib/use-url-filters";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/misc";
import { RelativeTime } from "@/components/ui/relative-time";
import { EventTypeChips } from "./event-type-chips";
import { PauseToggle } from "./pause-toggle";

export function EndpointList() {
  const { filters, go, pathname } = useUrlFilters(endpointFiltersFrom);
  const query = useQuery(endpointListOptions(filters));
  const filtered = Object.keys(filters.metadata).length > 0;

  return (
    <div className="space-y-4">
      <MetadataFilter key={JSON.stringify(filters.metadata)} filters={filters} onChange={go} />
      {query.isPending ? (
        <EndpointListSkeleton />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />
      ) : query.data.data.length === 0 ? (
        filtered ? (
          <EmptyState title="No endpoint matches this filter">
            <Button variant="secondary" onClick={() => go({ page: 1, metadata: {} })}>
              Clear the filter
            </Button>
          </EmptyState>
        ) : filters.page > 1 ? (
          <EmptyState title="This page is empty">
            <Link className="font-medium text-indigo-700 underline" href={pathname}>
              Back to the first page
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No webhook endpoints yet">
            <p>Add an endpoint to receive Closient events, signed, at a URL of yours.</p>
            <Link
              href="/webhooks/new"
              className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
            >
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
            {query.data.data.map((endpoint) => (
              <tr key={endpoint.id} className="align-top">
                <td className="max-w-xs px-4 py-3">
                  <Link
                    href={`/webhooks/${endpoint.id}`}
                    className="font-mono text-xs break-all text-indigo-700 underline"
                  >
                    {endpoint.url}
                  </Link>
                  <p className="mt-1 text-slate-700">
                    {endpoint.description || <span className="text-slate-500">No description</span>}
                  </p>
                </td>
                <td className="px-4 py-3">
                  <EventTypeChips types={endpoint.event_types} />
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <PauseToggle endpoint={endpoint} />
                </td>
                <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{endpoint.signing_secret}</td>
                <td className="px-4 py-3 text-xs whitespace-nowrap text-slate-600">
                  <RelativeTime iso={endpoint.updated_at} />
                  <span className="block text-slate-500">
                    created <RelativeTime iso={endpoint.created_at} />
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={query.data.pagination.page}
            totalPages={query.data.pagination.total_pages}
            total={query.data.pagination.total_count}
            onPage={(page) => go({ ...filters, page })}
          />
        </>
      )}
    </div>
  );
}

export function Pager({
  page,
  totalPages,
  total,
  onPage,
}: {
  page: number;
  totalPages: number;
  total: number;
  onPage: (page: number) => void;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {total} in all · page {page} of {Math.max(totalPages, 1)}
      </span>
      <span className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </span>
    </nav>
  );
}

function MetadataFilter({
  filters,
  onChange,
}: {
  filters: EndpointFilters;
  onChange: (f: EndpointFilters) => void;
}) {
  const [entry] = Object.entries(filters.metadata);
  const [key, setKey] = useState(entry?.[0] ?? "");
  const [value, setValue] = useState(entry?.[1] ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ page: 1, metadata: key.trim() ? { [key.trim()]: value } : {} });
  };
  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter by metadata"
      className="flex flex-wrap items-end gap-2"
    >
      <InlineField label="Metadata key">
        <Input
          value={key}
          onChange={(e) => setKey(e.target.value)}
          maxLength={40}
          className="w-40 font-mono"
        />
      </InlineField>
      <InlineField label="equals">
        <Input value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} className="w-48" />
      </InlineField>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {entry ? (
        <Button
          variant="ghost"
          onClick={() => {
            setKey("");
            setValue("");
            onChange({ page: 1, metadata: {} });
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}

export function EndpointListSkeleton() {
  return (
    <div
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      aria-busy="true"
      aria-label="Loading endpoints"
    >
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex gap-6 py-2">
          <Skeleton className="h-4 w-64" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-4 w-24" />
        </div>
      ))}
    </div>
  );
}
