import type { Delivery, DeliveryStatus } from "@/lib/closient";

/** Deliveries by status: the five known ones, and `other` for statuses Closient added since. */
export type StatusCounts = Record<DeliveryStatus | "other", number>;

/** An endpoint's last 24 hours, as the endpoint page shows it (lib/server/health.ts reads it). */
export interface EndpointHealth {
  /** Deliveries created in the last 24 hours, by status. */
  counts: StatusCounts;
  total: number;
  /** Its newest deliveries, up to five. */
  latest: Delivery[];
  /** Upstream calls this answer took (1 to 6), for the record. */
  calls: number;
}
