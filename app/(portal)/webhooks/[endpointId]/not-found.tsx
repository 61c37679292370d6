import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function EndpointNotFound() {
  return (
    <EmptyState title="Endpoint not found">
      <p>No endpoint of your organization has this id. It may be a mistyped link.</p>
      <Link href="/webhooks" className="font-medium text-indigo-700 underline">
        Back to the endpoints
      </Link>
    </EmptyState>
  );
}
