import Link from "next/link";
import type { Delivery } from "@/lib/closient";
import { whyNoReplay } from "@/lib/deliveries/status-text";
import { ReplayButton } from "./replay-button";

export const detailHref = (delivery: Pick<Delivery, "id" | "endpoint_id" | "created_at">) =>
  `/deliveries/${delivery.id}?endpoint_id=${delivery.endpoint_id}&at=${encodeURIComponent(delivery.created_at)}`;

/**
 * A delivery's two actions in a list: Details, and Replay for a dead letter. On a phone both are
 * buttons side by side, a thumb's height. `explainNoReplay` shows a disabled Replay that says why
 * (from `sm` up; a phone leaves it out).
 */
export function DeliveryActions({
  delivery,
  explainNoReplay = false,
}: {
  delivery: Pick<Delivery, "id" | "endpoint_id" | "created_at" | "status" | "event_type">;
  explainNoReplay?: boolean;
}) {
  const reason = whyNoReplay(delivery.status, delivery.event_type);
  return (
    <>
      <Link
        href={detailHref(delivery)}
        prefetch={false}
        aria-label={`Details of delivery ${delivery.id}`}
        className="row-details"
      >
        Details
      </Link>
      {reason === null ? (
        <span className="max-sm:flex-1">
          <ReplayButton deliveryId={delivery.id} endpointId={delivery.endpoint_id} compact />
        </span>
      ) : explainNoReplay ? (
        <button
          type="button"
          disabled
          title={reason}
          aria-label={`Replay delivery ${delivery.id}: not available. ${reason}`}
          className="min-h-6 rounded-md border border-slate-200 px-2.5 py-1 text-sm text-slate-400 max-sm:hidden"
        >
          Replay
        </button>
      ) : null}
    </>
  );
}
