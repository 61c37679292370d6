/** Delivery facts the browser needs, apart from the schemas (no zod here). */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed", "rate_limited", "dead_letter"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One of the five statuses the portal knows, rather than one Closient added since. */
export function isKnownStatus(status: string): status is DeliveryStatus {
  return (DELIVERY_STATUSES as readonly string[]).includes(status);
}

export const RESPONSE_BODY_MAX_LENGTH = 256;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Delay before attempts 2..8 (the contract's retry schedule); after the eighth failure a delivery is dead-lettered. */
export const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
