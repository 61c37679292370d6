import Link from "next/link";
import type { Delivery } from "@/lib/closient";
import { answerLine, whyNoReplay } from "@/lib/deliveries/status-text";
import { DataTable } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { cn } from "@/lib/utils";
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
            <td className="max-sm:col-span-2 sm:max-w-xs sm:px-4 sm:py-3">
              <Link
                href={`/webhooks/${delivery.endpoint_id}`}
                prefetch={false}
                className={cn(
                  "inline-flex min-h-6 items-center text-indigo-700 underline",
                  label?.named ? "line-clamp-2 [overflow-wrap:anywhere]" : "font-mono text-xs break-all",
                )}
              >
                {label?.name ?? delivery.endpoint_id}
              </Link>
              <span className="block font-mono text-xs">{delivery.event_type}</span>
              <span className="block truncate font-mono text-xs text-slate-500">{delivery.event_id}</span>
            </td>
            <td className="max-sm:order-1 sm:px-4 sm:py-3">
              <DeliveryStatusBadge status={delivery.status} />
            </td>
            <td className="tabular-nums max-sm:hidden sm:px-4 sm:py-3">{delivery.attempts}</td>
            <td className="text-xs max-sm:order-3 max-sm:col-span-2 sm:max-w-xs sm:px-4 sm:py-3">
              <span className="block truncate" title={delivery.response_body || undefined}>
                <span className="sm:hidden">
                  {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"} ·{" "}
                </span>
                <span className="font-mono">{answerLine(delivery)}</span>
              </span>
            </td>
            <td className="text-xs whitespace-nowrap text-slate-600 max-sm:order-2 max-sm:text-right sm:px-4 sm:py-3">
              <TimeAgo iso={delivery.created_at} now={now} />
            </td>
            <td className="text-right max-sm:order-4 max-sm:col-span-2 sm:px-4 sm:py-3">
              <div className="flex items-start gap-2 max-sm:flex-row sm:flex-col sm:items-end">
                <Link
                  href={detailHref(delivery)}
                  prefetch={false}
                  aria-label={`Details of delivery ${delivery.id}`}
                  className="inline-flex min-h-6 items-center text-sm text-indigo-700 underline max-sm:min-h-11 max-sm:flex-1 max-sm:justify-center max-sm:rounded-md max-sm:border max-sm:border-slate-300 max-sm:no-underline"
                >
                  Details
                </Link>
                {reason === null ? (
                  <span className="max-sm:flex-1">
                    <ReplayButton deliveryId={delivery.id} endpointId={delivery.endpoint_id} compact />
                  </span>
                ) : (
                  <button
                    type="button"
                    disabled
                    title={reason}
                    aria-label={`Replay delivery ${delivery.id}: not available. ${reason}`}
                    className="min-h-6 rounded-md border border-slate-200 px-2.5 py-1 text-sm text-slate-400 max-sm:hidden"
                  >
                    Replay
                  </button>
                )}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
