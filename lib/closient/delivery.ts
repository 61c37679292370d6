import { z } from "zod";
import { EVENT_TYPE_MAX_LENGTH } from "./event-types";
import { shortUuidSchema } from "./ids";
import { pageQuerySchema } from "./pagination";

export const DELIVERY_STATUSES = ["pending", "delivered", "failed", "rate_limited", "dead_letter"] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const RESPONSE_BODY_MAX_LENGTH = 256;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Delay before attempts 2..8 (decision 10); after the eighth failure a delivery is dead-lettered. */
export const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export const deliverySchema = z.object({
  id: z.string(),
  endpoint_id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  status: deliveryStatusSchema,
  created_at: z.string(),
  http_status_code: z.number().int().nullable(),
  response_body: z.string(),
  attempts: z.number().int(),
  last_attempted_at: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** The answer of test and replay: the first attempt of the delivery they created. */
export const deliveryResultSchema = z.object({
  delivery_id: z.string(),
  status: deliveryStatusSchema,
  http_status_code: z.number().int().min(100).max(599).nullable(),
  response_body: z.string().max(RESPONSE_BODY_MAX_LENGTH).nullable(),
});
export type DeliveryResult = z.infer<typeof deliveryResultSchema>;

const isoDateTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "Use an ISO 8601 date-time.");

export const deliveryListQuerySchema = pageQuerySchema.extend({
  endpoint_id: shortUuidSchema.optional(),
  status: deliveryStatusSchema.optional(),
  event_type: z.string().max(EVENT_TYPE_MAX_LENGTH).optional(),
  created_after: isoDateTime.optional(),
  created_before: isoDateTime.optional(),
});
export type DeliveryListQuery = z.output<typeof deliveryListQuerySchema>;
export type DeliveryListFilters = Partial<DeliveryListQuery>;
