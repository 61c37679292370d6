import type { Metadata } from "next";
import { AccessOverview } from "@/components/access/access-overview";
import { NotAllowed } from "@/components/access/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { ErrorState } from "@/components/ui/states";
import { can } from "@/lib/access/roles";
import { requestTime } from "@/lib/server/load";
import { loadAccess } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  const session = await requireSession();
  if (!can(session.info.access, "access.manage"))
    return <NotAllowed title="Access" role={session.info.access} />;
  const loaded = await loadAccess(session);
  return (
    <>
      <PageHeader
        title="Access"
        description="Viewer and on-call links for your team: no one needs the organization's key, and each link can be revoked."
      />
      {loaded.ok ? (
        <AccessOverview view={loaded.view} now={requestTime()} />
      ) : (
        <ErrorState message={loaded.message} action={<RefreshButton />} />
      )}
    </>
  );
}
