import { z } from "zod";
import { subscribableEventTypeSchema } from "./event-types";

/** The body of every webhook POST. */
export const webhookEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Sandbox only: `POST /_sandbox/events`. */
export const emitEventSchema = z.strictObject({
  type: subscribableEventTypeSchema,
  data: z.record(z.string(), z.unknown()).default({}),
});
export type EmitEventInput = z.input<typeof emitEventSchema>;

export const emitEventResultSchema = z.object({
  event_id: z.string(),
  delivery_ids: z.array(z.string()),
});
export type EmitEventResult = z.infer<typeof emitEventResultSchema>;
