import type { Metadata } from "next";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_DELIVERY_ATTEMPTS, toSearchParams } from "@/lib/closient";
import { loadDeliveryLog } from "@/lib/server/delivery-log";
import { requestTime } from "@/lib/server/load";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const params = toSearchParams(await searchParams);
  const formKey = params.toString();
  const view = await loadDeliveryLog(await requireSession(), params, requestTime());
  return (
    <>
      <PageHeader
        title="Deliveries"
        description={`Every attempt to deliver an event, newest first. A delivery that used up its ${MAX_DELIVERY_ATTEMPTS} attempts is a dead letter: replay it once the receiver is fixed.`}
      />
      <DeliveryLog view={view} now={requestTime()} formKey={formKey} />
    </>
  );
}
