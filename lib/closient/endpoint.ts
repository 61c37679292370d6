import { z } from "zod";
import { descriptionSchema, endpointUrlSchema } from "./endpoint-fields";
import { eventTypesSchema } from "./event-types";
import { metadataWriteSchema } from "./metadata";
import { pageQuerySchema } from "./pagination";
import { lenientStringRecord, lenientStrings, lenientText, requiredId, timestamp } from "./read";

export {
  DESCRIPTION_MAX_LENGTH,
  URL_MAX_LENGTH,
  descriptionSchema,
  endpointUrlSchema,
} from "./endpoint-fields";

/** The create and update bodies. `allowHttp` is true only against the sandbox. */
export function endpointWriteSchemas({ allowHttp }: { allowHttp: boolean }) {
  const url = endpointUrlSchema({ allowHttp });
  const create = z.strictObject({
    url,
    description: z._default(descriptionSchema, ""),
    event_types: z._default(eventTypesSchema, []),
    is_active: z.boolean().default(true),
    metadata: z._default(z.nullable(metadataWriteSchema), {}),
  });
  const update = z.strictObject({
    url: z.nullish(url),
    description: z.nullish(descriptionSchema),
    event_types: z.nullish(eventTypesSchema),
    is_active: z.boolean().nullish(),
    metadata: z.nullish(metadataWriteSchema),
  });
  return { create, update };
}

export const endpointCreateSchema = endpointWriteSchemas({ allowHttp: false }).create;
export const endpointUpdateSchema = endpointWriteSchemas({ allowHttp: false }).update;
export type EndpointCreateInput = z.input<typeof endpointCreateSchema>;
export type EndpointCreate = z.output<typeof endpointCreateSchema>;
export type EndpointUpdateInput = z.input<typeof endpointUpdateSchema>;
export type EndpointUpdate = z.output<typeof endpointUpdateSchema>;

/**
 * The endpoint as the API returns it; `signing_secret` is masked except on create and rotate.
 * Read liberally (read.ts): only an endpoint without an id, a URL, its state or its creation
 * time cannot be shown.
 */
export const endpointSchema = z
  .object({
    id: requiredId,
    url: z.string(),
    description: lenientText,
    event_types: lenientStrings,
    is_active: z.boolean(),
    metadata: lenientStringRecord,
    signing_secret: lenientText,
    created_at: timestamp,
    updated_at: timestamp.catch(""),
  })
  .transform((endpoint) => {
    // No readable update time: the creation time stands in (in place, no copy per row).
    if (!endpoint.updated_at) endpoint.updated_at = endpoint.created_at;
    return endpoint;
  });

export type Endpoint = z.infer<typeof endpointSchema>;

/** `?page=&page_size=` plus `metadata[key]=value` filters (several combine with AND). */
export const endpointListQuerySchema = pageQuerySchema.extend({
  metadata: z.record(z.string().min(1).max(40), z.string().max(500)).default({}),
});
export type EndpointListQuery = z.output<typeof endpointListQuerySchema>;
