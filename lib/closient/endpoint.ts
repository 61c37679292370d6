import { z } from "zod";
import { eventTypesSchema } from "./event-types";
import { metadataSchema, metadataWriteSchema } from "./metadata";
import { pageQuerySchema } from "./pagination";

export const URL_MAX_LENGTH = 2048;
export const DESCRIPTION_MAX_LENGTH = 255;

/** Endpoint URL: absolute https, or http where the upstream is the local sandbox. */
export function endpointUrlSchema({ allowHttp }: { allowHttp: boolean }) {
  return z
    .string()
    .trim()
    .min(1, "Enter the URL that will receive the webhooks.")
    .max(URL_MAX_LENGTH, `A URL is at most ${URL_MAX_LENGTH} characters.`)
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({
          code: "custom",
          message: "Enter an absolute URL, like https://example.com/webhooks.",
        });
        return;
      }
      const ok = url.protocol === "https:" || (allowHttp && url.protocol === "http:");
      if (!ok) {
        ctx.addIssue({
          code: "custom",
          message: allowHttp
            ? "The URL must start with https:// or http://."
            : "The URL must start with https://.",
        });
      } else if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "Leave credentials out of the URL." });
      }
    });
}

export const descriptionSchema = z
  .string()
  .max(DESCRIPTION_MAX_LENGTH, `A description is at most ${DESCRIPTION_MAX_LENGTH} characters.`);

/** The create and update bodies. `allowHttp` is true only against the sandbox. */
export function endpointWriteSchemas({ allowHttp }: { allowHttp: boolean }) {
  const url = endpointUrlSchema({ allowHttp });
  const create = z.strictObject({
    url,
    description: descriptionSchema.default(""),
    event_types: eventTypesSchema.default([]),
    is_active: z.boolean().default(true),
    metadata: metadataWriteSchema.nullable().default({}),
  });
  const update = z.strictObject({
    url: url.nullish(),
    description: descriptionSchema.nullish(),
    event_types: eventTypesSchema.nullish(),
    is_active: z.boolean().nullish(),
    metadata: metadataWriteSchema.nullish(),
  });
  return { create, update };
}

export const endpointCreateSchema = endpointWriteSchemas({ allowHttp: false }).create;
export const endpointUpdateSchema = endpointWriteSchemas({ allowHttp: false }).update;
export type EndpointCreateInput = z.input<typeof endpointCreateSchema>;
export type EndpointCreate = z.output<typeof endpointCreateSchema>;
export type EndpointUpdateInput = z.input<typeof endpointUpdateSchema>;
export type EndpointUpdate = z.output<typeof endpointUpdateSchema>;

/** The endpoint as the API returns it; `signing_secret` is masked except on create and rotate. */
export const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  event_types: z.array(z.string()),
  is_active: z.boolean(),
  metadata: metadataSchema,
  signing_secret: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Endpoint = z.infer<typeof endpointSchema>;

/** `?page=&page_size=` plus `metadata[key]=value` filters (several combine with AND). */
export const endpointListQuerySchema = pageQuerySchema.extend({
  metadata: z.record(z.string().min(1).max(40), z.string().max(500)).default({}),
});
export type EndpointListQuery = z.output<typeof endpointListQuerySchema>;
