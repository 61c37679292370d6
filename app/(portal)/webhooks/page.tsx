import type { Metadata } from "next";
import Link from "next/link";
import { EndpointList } from "@/components/endpoints/endpoint-list";
import { ErrorState } from "@/components/ui/states";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { toSearchParams } from "@/lib/closient";
import { endpointFiltersFrom } from "@/lib/endpoints/list-filters";
import { FailingNowSummary } from "@/components/endpoints/failing-now";
import { requestTime } from "@/lib/server/load";
import { loadEndpointList } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";
import { can, refusal } from "@/lib/access/roles";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const filters = endpointFiltersFrom(toSearchParams(await searchParams));
  const session = await requireSession();
  const { page, failing, alerts } = await loadEndpointList(session, filters);
  const manage = can(session.info.access, "endpoints.manage");
  return (
    <>
      <PageHeader
        title="Webhook endpoints"
        description="Where Closient sends your organization's events. Secrets are shown masked; the full secret is shown once, when it is created or rotated."
        actions={
          manage ? (
            <Link
              href="/webhooks/new"
              prefetch={false}
              className="bg-accent hover:bg-accent-strong rounded-md px-4 py-2 text-sm font-medium text-white"
            >
              Add endpoint
            </Link>
          ) : (
            <span className="text-sm text-slate-600">{refusal(session.info.access)}</span>
          )
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
          alerts={alerts}
        />
      ) : (
        <ErrorState message={page.message} action={<RefreshButton />} />
      )}
    </>
  );
}
