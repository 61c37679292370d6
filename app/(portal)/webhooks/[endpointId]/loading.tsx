import { EndpointDetailSkeleton } from "@/components/endpoints/endpoint-detail";

export default function Loading() {
  return <EndpointDetailSkeleton />;
}
