import type { Metadata } from "next";
import { DeliveryDetail } from "@/components/deliveries/delivery-detail";
import { ErrorState } from "@/components/ui/states";
import { RefreshButton } from "@/components/ui/refresh-button";
import { requestTime } from "@/lib/server/load";
import { loadDelivery } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Delivery" };

/** One delivery, from its row's link (its endpoint and time: see loadDelivery). */
export default async function DeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ deliveryId: string }>;
  searchParams: Promise<{ endpoint_id?: string; at?: string }>;
}) {
  const { deliveryId } = await params;
  const { endpoint_id: endpointId, at } = await searchParams;
  const view = await loadDelivery(await requireSession(), { deliveryId, endpointId, at });
  return view.ok ? (
    <DeliveryDetail {...view.data} now={requestTime()} />
  ) : (
    <ErrorState message={view.message} action={<RefreshButton />} />
  );
}
