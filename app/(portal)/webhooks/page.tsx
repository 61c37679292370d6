import type { Metadata } from "next";
import Link from "next/link";
import { EndpointList } from "@/components/endpoints/endpoint-list";
import { ErrorState, PageHeader } from "@/components/ui/misc";
import { RefreshButton } from "@/components/ui/refresh-button";
import { toSearchParams } from "@/lib/closient";
import { endpointFiltersFrom } from "@/lib/endpoints/list-filters";
import { FailingNowSummary } from "@/components/endpoints/failing-now";
import { failingNow } from "@/lib/server/diagnosis";
import { load, requestTime } from "@/lib/server/load";
import { requireSession } from "@/lib/server/session";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const filters = endpointFiltersFrom(toSearchParams(await searchParams));
  const { caller, info } = await requireSession();
  const [page, failing] = await Promise.all([
    load(caller, (c) => webhooks.listEndpoints(c, { ...filters, page_size: 50 })),
    // A summary is a hint: without it the list still stands.
    failingNow(caller, info.organization.id, requestTime()).catch(() => null),
  ]);
  return (
    <>
      <PageHeader
        title="Webhook endpoints"
        description="Where Closient sends your organization's events. Secrets are shown masked; the full secret is shown once, when it is created or rotated."
        actions={
          <Link
            href="/webhooks/new"
            prefetch={false}
            className="bg-accent hover:bg-accent-strong rounded-md px-4 py-2 text-sm font-medium text-white"
          >
            Add endpoint
          </Link>
        }
      />
      {failing && page.ok ? (
        <FailingNowSummary
          failing={failing}
          endpoints={new Map(page.data.data.map((e) => [e.id, e]))}
          now={requestTime()}
        />
      ) : null}
      {page.ok ? (
        <EndpointList
          filters={filters}
          page={page.data}
          now={requestTime()}
          failing={new Set(failing?.failingIds)}
        />
      ) : (
        <ErrorState message={page.message} action={<RefreshButton />} />
      )}
    </>
  );
}
