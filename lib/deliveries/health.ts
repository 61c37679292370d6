import type { Delivery, DeliveryStatus } from "@/lib/closient";

/** Deliveries by status: the five known ones, and `other` for statuses Closient added since. */
export type StatusCounts = Record<DeliveryStatus | "other", number>;

/** An endpoint's last 24 hours, as the endpoint page shows it (lib/server/diagnosis.ts reads it). */
export interface EndpointHealth {
  /** Deliveries created in the last 24 hours, by status. */
  counts: StatusCounts;
  total: number;
  /** Its newest failures of the day (failed, rate limited, dead letters), up to five. */
  failures: Delivery[];
  /** The newest delivery that got through, at any time; null when none did (or none is known). */
  lastDelivered: Delivery | null;
  /** When the newest attempted delivery failed: the first failure after the last that got through. */
  failingSince: string | null;
  /** Upstream calls this answer took, for the record. */
  calls: number;
}

/** The statuses of a delivery that did not get through, the worst first. */
export const FAILING = ["dead_letter", "failed", "rate_limited"] as const satisfies readonly DeliveryStatus[];
export const FAILING_STATUSES: ReadonlySet<string> = new Set(FAILING);

export interface FailureRun {
  /** The newest delivered one in the list, if any. */
  lastDelivered: Delivery | null;
  /** Where the run of failures that ends the list begins; null when the newest attempt got through. */
  oldestFailure: Delivery | null;
  /** False when the run goes on past the list's oldest row: it began earlier than this list shows. */
  complete: boolean;
}

/**
 * From an endpoint's deliveries, newest first: is it failing now (its newest attempted delivery
 * failed; pending ones are not attempted yet), and since which failure. A status the portal does
 * not know neither breaks nor extends the run.
 */
export function failureRun(newestFirst: readonly Delivery[]): FailureRun {
  let oldestFailure: Delivery | null = null;
  for (const delivery of newestFirst) {
    if (delivery.status === "delivered") return { lastDelivered: delivery, oldestFailure, complete: true };
    if (FAILING_STATUSES.has(delivery.status)) oldestFailure = delivery;
  }
  return { lastDelivered: null, oldestFailure, complete: oldestFailure === null };
}
