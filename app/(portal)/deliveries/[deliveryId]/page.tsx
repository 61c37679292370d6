import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeliveryDetail } from "@/components/deliveries/delivery-detail";
import { ErrorState } from "@/components/ui/misc";
import { RefreshButton } from "@/components/ui/refresh-button";
import { isShortUuid, type Delivery } from "@/lib/closient";
import { endpointName } from "@/lib/endpoints/names";
import { endpointDirectory } from "@/lib/server/endpoint-directory";
import { load, requestTime } from "@/lib/server/load";
import { requireSession } from "@/lib/server/session";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Delivery" };

/**
 * One delivery, from its row. Closient has no single-delivery read, so the row's link carries
 * its endpoint and time, and the page finds it in that endpoint's log around that time (one
 * list call), then looks for newer deliveries of the same event (one more).
 */
export default async function DeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ deliveryId: string }>;
  searchParams: Promise<{ endpoint_id?: string; at?: string }>;
}) {
  const { deliveryId } = await params;
  const { endpoint_id: endpointId, at } = await searchParams;
  if (!isShortUuid(deliveryId) || !endpointId || !isShortUuid(endpointId)) notFound();
  const session = await requireSession();
  const when = at && !Number.isNaN(Date.parse(at)) ? at : undefined;

  const found = await load(session.caller, async (caller) => {
    const { data } = await webhooks.listDeliveries(caller, {
      endpoint_id: endpointId,
      created_after: when,
      created_before: when,
      page: 1,
      page_size: 50,
    });
    return { data: data.data.find((d) => d.id === deliveryId) ?? null };
  });
  if (found.ok && !found.data) notFound();
  if (!found.ok) return <ErrorState message={found.message} action={<RefreshButton />} />;
  const delivery: Delivery = found.data!;

  let newer: Delivery[] = [];
  try {
    const { data } = await webhooks.listDeliveries(session.caller, {
      endpoint_id: endpointId,
      created_after: delivery.created_at,
      page: 1,
      page_size: 50,
    });
    newer = data.data.filter((d) => d.event_id === delivery.event_id && d.id !== delivery.id);
  } catch {
    /* the detail stands without it */
  }
  const { known } = await endpointDirectory(session.caller, session.info.organization.id, [endpointId]);
  const endpoint = known.get(endpointId);
  return (
    <DeliveryDetail
      delivery={delivery}
      endpointName={endpoint ? endpointName(endpoint) : null}
      newer={newer}
      now={requestTime()}
    />
  );
}
