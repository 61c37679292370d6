import Link from "next/link";

export default function DeliveryNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Delivery not found</h1>
      <p className="text-sm text-slate-600">
        It is not in this organization&apos;s log, or the link is incomplete. Open it from its row in the log.
      </p>
      <Link href="/deliveries" className="text-sm text-indigo-700 underline">
        Back to the deliveries
      </Link>
    </div>
  );
}
