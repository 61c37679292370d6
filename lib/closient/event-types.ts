// zod/mini: these schemas reach the browser with the endpoint form, and the mini build lets the
// bundler keep only the checks used (BENCHMARKS.md). They compose with classic schemas.
import { z } from "zod/mini";

export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
export const EVENT_TYPE_MAX_LENGTH = 100;
export const MAX_EVENT_TYPES_PER_ENDPOINT = 100;
export const PING_EVENT_TYPE = "ping";

/** The documented catalogue. Any other well-formed type is accepted too. */
export const EVENT_CATALOGUE = [
  { type: "offer.updated", description: "A retailer's offer for a product changed (price, stock)." },
  { type: "product.recalled", description: "A product was recalled." },
  { type: "product.updated", description: "Fields of a product changed; `changes` names them." },
  { type: "product.claimed", description: "A brand claimed a product." },
  { type: "retailer.created", description: "A new retailer joined Closient." },
] as const;

export const eventTypeSchema = z
  .string()
  .check(
    z.maxLength(EVENT_TYPE_MAX_LENGTH, `An event type is at most ${EVENT_TYPE_MAX_LENGTH} characters.`),
    z.regex(EVENT_TYPE_PATTERN, "Use lowercase dot-separated words, like offer.updated (no wildcards)."),
  );

/** An event type an endpoint can subscribe to: well formed and not the reserved `ping`. */
export const subscribableEventTypeSchema = z.pipe(
  z.string().check(
    z.refine((type) => type !== PING_EVENT_TYPE, {
      message: "`ping` is reserved for test pings and cannot be subscribed to.",
      abort: true,
    }),
  ),
  eventTypeSchema,
);

/** Duplicates are dropped and order kept, then at most 100 remain. */
export const eventTypesSchema = z.pipe(
  z.pipe(
    z.array(subscribableEventTypeSchema),
    z.transform((types: string[]) => [...new Set(types)]),
  ),
  z
    .array(z.string())
    .check(
      z.maxLength(
        MAX_EVENT_TYPES_PER_ENDPOINT,
        `An endpoint subscribes to at most ${MAX_EVENT_TYPES_PER_ENDPOINT} event types.`,
      ),
    ),
);

export function describeEventType(type: string): string | undefined {
  return EVENT_CATALOGUE.find((entry) => entry.type === type)?.description;
}
