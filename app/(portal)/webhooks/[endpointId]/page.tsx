import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EndpointDetail } from "@/components/endpoints/endpoint-detail";
import { isShortUuid } from "@/lib/closient";
import { endpointKeys } from "@/lib/queries/endpoints";
import { env } from "@/lib/server/env";
import { prefetch } from "@/lib/server/prefetch";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const { endpointId } = await params;
  if (!isShortUuid(endpointId)) notFound();
  const { state } = await prefetch([
    {
      queryKey: endpointKeys.detail(endpointId),
      fetch: (apiKey) => webhooks.getEndpoint(apiKey, endpointId),
    },
  ]);
  return (
    <HydrationBoundary state={state}>
      <EndpointDetail id={endpointId} allowHttp={env().isSandbox} />
    </HydrationBoundary>
  );
}
