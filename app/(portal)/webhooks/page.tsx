import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { EndpointList } from "@/components/endpoints/endpoint-list";
import { PageHeader } from "@/components/ui/misc";
import { toSearchParams } from "@/lib/closient";
import { endpointFiltersFrom, endpointKeys } from "@/lib/queries/endpoints";
import { prefetch } from "@/lib/server/prefetch";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const filters = endpointFiltersFrom(toSearchParams(await searchParams));
  const { state } = await prefetch([
    {
      queryKey: endpointKeys.list(filters),
      fetch: (apiKey) => webhooks.listEndpoints(apiKey, { ...filters, page_size: 50 }),
    },
  ]);
  return (
    <>
      <PageHeader
        title="Webhook endpoints"
        description="Where Closient sends your organization's events. Secrets are shown masked; the full secret is shown once, when it is created or rotated."
        actions={
          <Link
            href="/webhooks/new"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            Add endpoint
          </Link>
        }
      />
      <HydrationBoundary state={state}>
        <EndpointList />
      </HydrationBoundary>
    </>
  );
}
