import { z } from "zod";
import {
  ClosientError,
  deliveryResultSchema,
  deliverySchema,
  endpointSchema,
  errorEnvelopeSchema,
  paginatedSchema,
  toSearchParams,
  type DeliveryListFilters,
  type EndpointCreateInput,
  type EndpointListQuery,
  type EndpointUpdateInput,
} from "@/lib/closient";
import { sessionInfoSchema } from "@/lib/session-info";

export type { SessionInfo } from "@/lib/session-info";

/**
 * The browser's only way to the API: the portal's own routes, same shapes as Closient's.
 * Every failure is a ClosientError carrying the envelope's code, message and details.
 */
async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ClosientError(
      0,
      "NETWORK_ERROR",
      "The portal could not be reached. Check your connection and retry.",
    );
  }
  if (response.status === 204) return schema.parse(null);
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    if (envelope.success) throw ClosientError.fromEnvelope(envelope.data);
    throw new ClosientError(response.status, "INTERNAL_ERROR", `The portal answered ${response.status}.`);
  }
  return schema.parse(json);
}

const endpointPage = paginatedSchema(endpointSchema);
const deliveryPage = paginatedSchema(deliverySchema);

export const api = {
  session: () => request("GET", "/api/session", sessionInfoSchema),
  signIn: (apiKey: string) => request("POST", "/api/session", sessionInfoSchema, { api_key: apiKey }),
  signInSandbox: () => request("POST", "/api/session/sandbox", sessionInfoSchema),
  signOut: () => request("DELETE", "/api/session", z.null()),

  listEndpoints: (query: Partial<EndpointListQuery>) =>
    request("GET", `/api/webhooks/endpoints?${toSearchParams(query).toString()}`, endpointPage),
  getEndpoint: (id: string) => request("GET", `/api/webhooks/endpoints/${id}`, endpointSchema),
  createEndpoint: (body: EndpointCreateInput) =>
    request("POST", "/api/webhooks/endpoints", endpointSchema, body),
  updateEndpoint: (id: string, body: EndpointUpdateInput) =>
    request("PATCH", `/api/webhooks/endpoints/${id}`, endpointSchema, body),
  rotateSecret: (id: string) =>
    request("POST", `/api/webhooks/endpoints/${id}/rotate-secret`, endpointSchema),
  testEndpoint: (id: string) => request("POST", `/api/webhooks/endpoints/${id}/test`, deliveryResultSchema),

  listDeliveries: (query: DeliveryListFilters) =>
    request("GET", `/api/webhooks/deliveries?${toSearchParams(query).toString()}`, deliveryPage),
  replayDelivery: (id: string) =>
    request("POST", `/api/webhooks/deliveries/${id}/replay`, deliveryResultSchema),
};
