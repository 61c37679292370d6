import { z } from "zod";
import { EVENT_TYPE_MAX_LENGTH } from "./event-types";
import { shortUuidSchema } from "./ids";
import { pageQuerySchema } from "./pagination";
import { DELIVERY_STATUSES, RESPONSE_BODY_MAX_LENGTH } from "./delivery-constants";

export * from "./delivery-constants";

export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

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
