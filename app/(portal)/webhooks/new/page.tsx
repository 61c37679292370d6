import type { Metadata } from "next";
import { CreateEndpoint } from "@/components/endpoints/create-endpoint";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/server/env";
import { requireSession } from "@/lib/server/session";
import { can } from "@/lib/access/roles";
import { NotAllowed } from "@/components/access/not-allowed";

export const metadata: Metadata = { title: "Add endpoint" };

export default async function NewEndpointPage() {
  const { info } = await requireSession();
  if (!can(info.access, "endpoints.manage"))
    return <NotAllowed title="Add a webhook endpoint" role={info.access} />;
  return (
    <div className="max-w-2xl">
      <BackLink href="/webhooks">Endpoints</BackLink>
      <PageHeader
        title="Add a webhook endpoint"
        description="Closient will POST signed JSON events to this URL. Its signing secret is shown once, right after you create it."
      />
      <div className="bg-surface rounded-lg border border-slate-200 p-6">
        <CreateEndpoint allowHttp={env().isSandbox} />
      </div>
    </div>
  );
}
