import "server-only";
import {
  deliveryResultSchema,
  deliverySchema,
  endpointSchema,
  paginatedSchema,
  toSearchParams,
  upstreamPaths,
  whoamiSchema,
  type DeliveryListQuery,
  type EndpointCreate,
  type EndpointListQuery,
  type EndpointUpdate,
} from "@/lib/closient";
import { callUpstream } from "./upstream";

// Built once: a zod schema compiles its parser on first use, so a fresh one per call costs ~0.1 ms.
const endpointPageSchema = paginatedSchema(endpointSchema);
const deliveryPageSchema = paginatedSchema(deliverySchema);

/**
 * The Closient webhooks operations, used by the API routes and by server components alike.
 * Each validates the upstream's answer with the shared schemas.
 */
export const webhooks = {
  whoami: (apiKey: string) =>
    callUpstream(apiKey, { method: "GET", path: upstreamPaths.whoami() }, whoamiSchema),

  listEndpoints: (apiKey: string, query: EndpointListQuery) =>
    callUpstream(
      apiKey,
      { method: "GET", path: upstreamPaths.endpoints(), query: toSearchParams(query) },
      endpointPageSchema,
    ),

  createEndpoint: (apiKey: string, body: EndpointCreate) =>
    callUpstream(apiKey, { method: "POST", path: upstreamPaths.endpoints(), body }, endpointSchema),

  getEndpoint: (apiKey: string, id: string) =>
    callUpstream(apiKey, { method: "GET", path: upstreamPaths.endpoint(id) }, endpointSchema),

  updateEndpoint: (apiKey: string, id: string, body: EndpointUpdate) =>
    callUpstream(apiKey, { method: "PATCH", path: upstreamPaths.endpoint(id), body }, endpointSchema),

  rotateSecret: (apiKey: string, id: string) =>
    callUpstream(apiKey, { method: "POST", path: upstreamPaths.rotateSecret(id) }, endpointSchema),

  testEndpoint: (apiKey: string, id: string) =>
    callUpstream(apiKey, { method: "POST", path: upstreamPaths.test(id), slow: true }, deliveryResultSchema),

  listDeliveries: (apiKey: string, query: DeliveryListQuery) =>
    callUpstream(
      apiKey,
      { method: "GET", path: upstreamPaths.deliveries(), query: toSearchParams(query) },
      deliveryPageSchema,
    ),

  replayDelivery: (apiKey: string, id: string) =>
    callUpstream(
      apiKey,
      { method: "POST", path: upstreamPaths.replay(id), slow: true },
      deliveryResultSchema,
    ),
};
