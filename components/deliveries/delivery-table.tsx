import Link from "next/link";
import type { Delivery } from "@/lib/closient";
import { whyNoReplay } from "@/lib/deliveries/status-text";
import { DataTable } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { ReplayButton } from "./replay-button";
import type { EndpointLabel } from "@/lib/endpoints/names";

export const detailHref = (delivery: Pick<Delivery, "id" | "endpoint_id" | "created_at">) =>
  `/deliveries/${delivery.id}?endpoint_id=${delivery.endpoint_id}&at=${encodeURIComponent(delivery.created_at)}`;

/** The log's rows, rendered on the server; Replay on a dead letter is the one interactive part. */
export function DeliveryTable({
  deliveries,
  labels,
  now,
}: {
  deliveries: Delivery[];
  labels: Map<string, EndpointLabel>;
  now: number;
}) {
  return (
    <DataTable
      caption="Webhook deliveries, newest first"
      columns={[
        { label: "Endpoint and event" },
        { label: "Status" },
        { label: "Attempts" },
        { label: "Response" },
        { label: "Created" },
        { label: "Actions", srOnly: true },
      ]}
    >
      {deliveries.map((delivery) => {
        const label = labels.get(delivery.endpoint_id);
        const reason = whyNoReplay(delivery.status, delivery.event_type);
        return (
          <tr key={delivery.id} className="align-top" data-delivery={delivery.id}>
            <td className="max-w-xs px-4 py-3">
              <Link
                href={`/webhooks/${delivery.endpoint_id}`}
                prefetch={false}
                className={
                  label?.named
                    ? "break-all text-indigo-700 underline"
                    : "font-mono text-xs text-indigo-700 underline"
                }
              >
                {label?.name ?? delivery.endpoint_id}
              </Link>
              <span className="block font-mono text-xs">{delivery.event_type}</span>
              <span className="block font-mono text-xs text-slate-500">{delivery.event_id}</span>
            </td>
            <td className="px-4 py-3">
              <DeliveryStatusBadge status={delivery.status} />
            </td>
            <td className="px-4 py-3 tabular-nums">{delivery.attempts}</td>
            <td className="max-w-xs px-4 py-3 text-xs">
              <span className="font-medium">{delivery.http_status_code ?? "—"}</span>
              {delivery.response_body ? (
                <span className="block truncate font-mono text-slate-500" title={delivery.response_body}>
                  {delivery.response_body}
                </span>
              ) : null}
            </td>
            <td className="px-4 py-3 text-xs whitespace-nowrap text-slate-600">
              <TimeAgo iso={delivery.created_at} now={now} />
            </td>
            <td className="space-y-1 px-4 py-3 text-right">
              <Link
                href={detailHref(delivery)}
                prefetch={false}
                aria-label={`Details of delivery ${delivery.id}`}
                className="inline-flex min-h-6 items-center text-sm text-indigo-700 underline"
              >
                Details
              </Link>
              {reason === null ? (
                <ReplayButton deliveryId={delivery.id} endpointId={delivery.endpoint_id} compact />
              ) : (
                <span className="block">
                  <button
                    type="button"
                    disabled
                    title={reason}
                    aria-label={`Replay delivery ${delivery.id}: not available. ${reason}`}
                    className="min-h-6 rounded-md border border-slate-200 px-2.5 py-1 text-sm text-slate-400"
                  >
                    Replay
                  </button>
                </span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
