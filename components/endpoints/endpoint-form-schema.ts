import { z } from "zod/mini";
import type { ErrorDetail } from "@/lib/closient";
import type { Endpoint, EndpointCreateInput, EndpointUpdateInput } from "@/lib/closient/endpoint";
import { descriptionSchema, endpointUrlSchema } from "@/lib/closient/endpoint-fields";
import { eventTypesSchema } from "@/lib/closient/event-types";
import {
  diffMetadata,
  METADATA_LIMITS,
  metadataKeySchema,
  metadataValueSchema,
} from "@/lib/closient/metadata";

/**
 * The endpoint form's values: the contract's own field schemas, with metadata as editable rows.
 * `toCreateBody` and `toUpdateBody` turn them back into the API's bodies.
 */
export function endpointFormSchema({ allowHttp }: { allowHttp: boolean }) {
  return z.object({
    url: endpointUrlSchema({ allowHttp }),
    description: descriptionSchema,
    event_types: eventTypesSchema,
    is_active: z.boolean(),
    metadata: z
      .array(
        z.object({
          key: metadataKeySchema,
          // In a row an empty value is a mistake; in the API it deletes the key.
          value: metadataValueSchema.check(z.minLength(1, "Enter a value, or remove the row.")),
        }),
      )
      .check(
        z.maxLength(METADATA_LIMITS.maxKeys, `At most ${METADATA_LIMITS.maxKeys} metadata keys.`),
        z.superRefine((rows, ctx) => {
          const seen = new Set<string>();
          rows.forEach((row, index) => {
            if (seen.has(row.key)) {
              ctx.addIssue({
                code: "custom",
                path: [index, "key"],
                message: "This key is already used above.",
              });
            }
            seen.add(row.key);
          });
        }),
      ),
  });
}

export type EndpointFormValues = z.input<ReturnType<typeof endpointFormSchema>>;
export type EndpointFormOutput = z.output<ReturnType<typeof endpointFormSchema>>;

export const emptyEndpointForm: EndpointFormValues = {
  url: "",
  description: "",
  event_types: [],
  is_active: true,
  metadata: [],
};

export function formValuesOf(endpoint: Endpoint): EndpointFormValues {
  return {
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.event_types,
    is_active: endpoint.is_active,
    metadata: Object.entries(endpoint.metadata).map(([key, value]) => ({ key, value })),
  };
}

const rowsToRecord = (rows: { key: string; value: string }[]) =>
  Object.fromEntries(rows.map((row) => [row.key, row.value]));

export function toCreateBody(values: EndpointFormOutput): EndpointCreateInput {
  return { ...values, metadata: rowsToRecord(values.metadata) };
}

/**
 * Only what changed, and metadata as a diff (changed keys, "" for removed ones): an admin editing
 * one key never overwrites another admin's edit of a different key.
 */
export function toUpdateBody(before: Endpoint, values: EndpointFormOutput): EndpointUpdateInput {
  const body: EndpointUpdateInput = {};
  if (values.url !== before.url) body.url = values.url;
  if (values.description !== before.description) body.description = values.description;
  if (JSON.stringify(values.event_types) !== JSON.stringify(before.event_types)) {
    body.event_types = values.event_types;
  }
  const metadata = diffMetadata(before.metadata, rowsToRecord(values.metadata));
  if (metadata) body.metadata = metadata;
  return body;
}

/** Where an upstream 422 detail belongs in the form. */
export function formFieldOf(
  detail: ErrorDetail,
  rows: { key: string }[],
): `url` | `description` | `event_types` | `metadata` | `metadata.${number}.key` | "root" {
  const [head, rest] = [detail.field.split(".")[0], detail.field.slice(detail.field.indexOf(".") + 1)];
  if (head === "url" || head === "description" || head === "event_types") return head;
  if (head === "metadata") {
    const index = rows.findIndex((row) => row.key === rest);
    return index >= 0 && detail.field !== "metadata" ? `metadata.${index}.key` : "metadata";
  }
  return "root";
}
