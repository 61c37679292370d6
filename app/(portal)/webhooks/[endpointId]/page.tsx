import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EndpointDetail } from "@/components/endpoints/endpoint-detail";
import { ErrorState } from "@/components/ui/misc";
import { RefreshButton } from "@/components/ui/refresh-button";
import { isShortUuid } from "@/lib/closient";
import { env } from "@/lib/server/env";
import { WhyItFails } from "@/components/endpoints/why-it-fails";
import { endpointDiagnosis } from "@/lib/server/diagnosis";
import { load, requestTime } from "@/lib/server/load";
import { requireSession } from "@/lib/server/session";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const { endpointId } = await params;
  if (!isShortUuid(endpointId)) notFound();
  const { caller, info } = await requireSession();
  const endpoint = await load(caller, (c) => webhooks.getEndpoint(c, endpointId));
  // The page stands without its health figures and diagnosis.
  const health = endpoint.ok
    ? await endpointDiagnosis(caller, info.organization.id, endpointId, requestTime()).catch(() => null)
    : null;
  return endpoint.ok ? (
    <EndpointDetail
      endpoint={endpoint.data}
      allowHttp={env().isSandbox}
      now={requestTime()}
      health={health}
      summary={health ? <WhyItFails endpoint={endpoint.data} diagnosis={health} now={requestTime()} /> : null}
    />
  ) : (
    <ErrorState message={endpoint.message} action={<RefreshButton />} />
  );
}
