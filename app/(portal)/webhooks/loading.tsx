import { EndpointListSkeleton } from "@/components/endpoints/endpoint-list";
import { PageHeader } from "@/components/ui/misc";

export default function Loading() {
  return (
    <>
      <PageHeader title="Webhook endpoints" />
      <EndpointListSkeleton />
    </>
  );
}
