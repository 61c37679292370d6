import type { Metadata } from "next";
import { EndpointDetail } from "@/components/endpoints/endpoint-detail";
import { WhyItFails } from "@/components/endpoints/why-it-fails";
import { ErrorState } from "@/components/ui/states";
import { RefreshButton } from "@/components/ui/refresh-button";
import { requestTime } from "@/lib/server/load";
import { loadEndpoint } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const { endpointId } = await params;
  const { endpoint, health, changes, alerts, allowHttp } = await loadEndpoint(
    await requireSession(),
    endpointId,
  );
  return endpoint.ok ? (
    <EndpointDetail
      endpoint={endpoint.data}
      allowHttp={allowHttp}
      now={requestTime()}
      health={health}
      changes={changes}
      alerts={alerts}
      summary={
        health ? (
          <WhyItFails endpoint={endpoint.data} diagnosis={health} changes={changes} now={requestTime()} />
        ) : null
      }
    />
  ) : (
    <ErrorState message={endpoint.message} action={<RefreshButton />} />
  );
}
