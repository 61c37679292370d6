import { isKnownStatus, type DeliveryStatus } from "@/lib/closient/delivery-constants";

/*
 * Apart from status-text.ts, which needs the event types (zod/mini): the badge is in client
 * components, and these words must not bring a schema library with them.
 */

/** Each known status in words. */
export const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
  rate_limited: "Rate limited",
  dead_letter: "Dead letter",
};

/** A status in words; one Closient added since keeps its own name. */
export function statusLabel(status: string): string {
  return isKnownStatus(status) ? STATUS_LABELS[status] : status;
}
