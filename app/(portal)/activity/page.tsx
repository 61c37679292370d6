import type { Metadata } from "next";
import { ActivityLog } from "@/components/activity/activity-log";
import { PageHeader } from "@/components/ui/page-header";
import { toSearchParams } from "@/lib/closient";
import { requestTime } from "@/lib/server/load";
import { loadActivity } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const view = await loadActivity(await requireSession(), toSearchParams(await searchParams));
  return (
    <>
      <PageHeader
        title="Activity"
        description="Who did what through the portal, newest first: each change with its outcome and, for edits, what it was before. Changes made outside the portal are seen only when the portal next reads the endpoint."
      />
      <ActivityLog view={view} now={requestTime()} />
    </>
  );
}
