import { z } from "zod";
import { EVENT_TYPE_MAX_LENGTH } from "./event-types";
import { shortUuidSchema } from "./ids";
import { pageQuerySchema } from "./pagination";
import {
  lenientCount,
  lenientInt,
  lenientNullableText,
  lenientText,
  lenientTimestamp,
  openEnum,
  requiredId,
  timestamp,
} from "./read";
import { DELIVERY_STATUSES, RESPONSE_BODY_MAX_LENGTH } from "./delivery-constants";

export * from "./delivery-constants";

/** The statuses the portal asks for (a list filter): the five it knows. */
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);

/** A status as read from Closient: one of the five, or a newer one shown by its own name. */
const readStatusSchema = openEnum(DELIVERY_STATUSES);

/** A delivery as the API returns it, read liberally (read.ts). */
export const deliverySchema = z.object({
  id: requiredId,
  endpoint_id: lenientText,
  event_id: lenientText,
  event_type: lenientText,
  status: readStatusSchema,
  created_at: timestamp,
  http_status_code: lenientInt,
  response_body: lenientText,
  attempts: lenientCount,
  last_attempted_at: lenientTimestamp,
});
export type Delivery = z.infer<typeof deliverySchema>;

/** The answer of test and replay: the first attempt of the delivery they created. */
export const deliveryResultSchema = z.object({
  delivery_id: requiredId,
  status: readStatusSchema,
  http_status_code: lenientInt,
  response_body: lenientNullableText.transform((body) => body?.slice(0, RESPONSE_BODY_MAX_LENGTH) ?? null),
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
