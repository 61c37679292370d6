import type { Delivery, DeliveryStatus } from "@/lib/closient";

/** An endpoint's last 24 hours, as the endpoint page shows it (lib/server/health.ts reads it). */
export interface EndpointHealthFigures {
  /** Deliveries created in the last 24 hours, by status. */
  counts: Record<DeliveryStatus, number>;
  total: number;
  /** Its newest deliveries, up to five. */
  latest: Delivery[];
  /** Upstream calls this answer took (1 to 6), for the record. */
  calls: number;
}
