import Link from "next/link";
import type { Delivery } from "@/lib/closient";
import { answerLine } from "@/lib/deliveries/status-text";
import { DataTable } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { cn } from "@/lib/utils";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { DeliveryActions } from "./delivery-actions";
import type { EndpointLabel } from "@/lib/endpoints/names";

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
        return (
          <tr key={delivery.id} className="align-top" data-delivery={delivery.id}>
            <td className="max-sm:col-span-2 sm:max-w-xs">
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
            <td className="max-sm:order-1">
              <DeliveryStatusBadge status={delivery.status} />
            </td>
            <td className="tabular-nums max-sm:hidden">{delivery.attempts}</td>
            <td className="text-xs max-sm:order-3 max-sm:col-span-2 sm:max-w-xs">
              <span className="block truncate">
                <span className="sm:hidden">
                  {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"} ·{" "}
                </span>
                <span className="font-mono">{answerLine(delivery, 120)}</span>
              </span>
            </td>
            <td className="text-xs whitespace-nowrap text-slate-600 max-sm:order-2 max-sm:text-right">
              <TimeAgo iso={delivery.created_at} now={now} />
            </td>
            <td className="text-right max-sm:order-4 max-sm:col-span-2">
              <div className="flex items-start gap-2 max-sm:flex-row sm:flex-col sm:items-end">
                <DeliveryActions delivery={delivery} explainNoReplay />
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
