import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { DeliveryList } from "@/components/deliveries/delivery-list";
import { PageHeader } from "@/components/ui/misc";
import { MAX_DELIVERY_ATTEMPTS, toSearchParams } from "@/lib/closient";
import { deliveryFiltersFrom } from "@/lib/list-filters";
import { deliveryKeys } from "@/lib/queries/deliveries";
import { prefetch } from "@/lib/server/prefetch";
import { webhooks } from "@/lib/server/webhooks";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const filters = deliveryFiltersFrom(toSearchParams(await searchParams));
  const { state } = await prefetch([
    {
      queryKey: deliveryKeys.list(filters),
      fetch: (apiKey) =>
        webhooks.listDeliveries(apiKey, { ...filters, page: filters.page ?? 1, page_size: 50 }),
    },
  ]);
  return (
    <>
      <PageHeader
        title="Deliveries"
        description={`Every attempt to deliver an event, newest first. A delivery that used up its ${MAX_DELIVERY_ATTEMPTS} attempts is a dead letter: replay it once the receiver is fixed.`}
      />
      <HydrationBoundary state={state}>
        <DeliveryList filters={filters} />
      </HydrationBoundary>
    </>
  );
}
