import type { Metadata } from "next";
import { AlertsOverview } from "@/components/alerts/alerts-overview";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { ErrorState } from "@/components/ui/states";
import { requestTime } from "@/lib/server/load";
import { loadAlerts } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { cursor } = await searchParams;
  const loaded = await loadAlerts(
    await requireSession(),
    typeof cursor === "string" ? cursor.slice(0, 200) : undefined,
  );
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Warned before paged: the portal watches this organization's endpoints and tells your team when one starts failing and when it recovers."
      />
      {loaded.ok ? (
        <AlertsOverview
          view={loaded.view}
          notices={loaded.notices.data}
          nextCursor={loaded.notices.next_cursor}
          now={requestTime()}
        />
      ) : (
        <ErrorState message={loaded.message} action={<RefreshButton />} />
      )}
    </>
  );
}
