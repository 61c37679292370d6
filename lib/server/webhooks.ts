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
  type Paginated,
  type ReadPage,
} from "@/lib/closient";
import type { Caller } from "./caller";
import { maskSecret } from "@/lib/closient/secret";
import { log } from "./log";
import type { z } from "zod";
import { callUpstream, type UpstreamResult } from "./upstream";

// Built once: a zod schema compiles its parser on first use, and a fresh one per call pays again.
const endpointPageSchema = paginatedSchema(endpointSchema);
const deliveryPageSchema = paginatedSchema(deliverySchema);

/**
 * One of Closient's lists, as the portal answers it: the rows it could read, and how many it
 * left out. Which ones and why goes to the log (ids and field paths, never values).
 */
async function readPage<T>(
  caller: Caller,
  path: string,
  query: URLSearchParams,
  schema: z.ZodType<ReadPage<T>>,
): Promise<UpstreamResult<Paginated<T>>> {
  const { data, ...rest } = await callUpstream(caller, { method: "GET", path, query }, schema);
  const { unreadable, ...page } = data;
  if (unreadable.length > 0) {
    log.warn(
      { request_id: caller.requestId, list: path, rows: unreadable },
      "rows Closient sent could not be read",
    );
  }
  return { ...rest, data: { ...page, unreadable: unreadable.length } };
}

type Endpointish = { signing_secret: string };

/**
 * Closient masks the signing secret in every answer but create and rotate; the portal makes sure
 * of it, so a full secret reaches a page, the browser or its cache only through the one reveal.
 */
function masked<E extends Endpointish>(endpoint: E): E {
  // An empty one (Closient sent none) stays empty rather than becoming "...".
  return endpoint.signing_secret
    ? { ...endpoint, signing_secret: maskSecret(endpoint.signing_secret) }
    : endpoint;
}
const maskedOne = <E extends Endpointish>(result: UpstreamResult<E>) => ({
  ...result,
  data: masked(result.data),
});

/**
 * The Closient webhooks operations, used by the API routes and by server components alike.
 * Each reads the upstream's answer with the shared schemas (liberally: read.ts).
 */
export const webhooks = {
  whoami: (caller: Caller) =>
    callUpstream(caller, { method: "GET", path: upstreamPaths.whoami() }, whoamiSchema),

  listEndpoints: (caller: Caller, query: EndpointListQuery) =>
    readPage(caller, upstreamPaths.endpoints(), toSearchParams(query), endpointPageSchema).then((result) => ({
      ...result,
      data: { ...result.data, data: result.data.data.map(masked) },
    })),

  createEndpoint: (caller: Caller, body: EndpointCreate) =>
    callUpstream(caller, { method: "POST", path: upstreamPaths.endpoints(), body }, endpointSchema),

  getEndpoint: (caller: Caller, id: string) =>
    callUpstream(caller, { method: "GET", path: upstreamPaths.endpoint(id) }, endpointSchema).then(maskedOne),

  updateEndpoint: (caller: Caller, id: string, body: EndpointUpdate) =>
    callUpstream(caller, { method: "PATCH", path: upstreamPaths.endpoint(id), body }, endpointSchema).then(
      maskedOne,
    ),

  rotateSecret: (caller: Caller, id: string) =>
    callUpstream(caller, { method: "POST", path: upstreamPaths.rotateSecret(id) }, endpointSchema),

  testEndpoint: (caller: Caller, id: string) =>
    callUpstream(caller, { method: "POST", path: upstreamPaths.test(id), slow: true }, deliveryResultSchema),

  listDeliveries: (caller: Caller, query: DeliveryListQuery) =>
    readPage(caller, upstreamPaths.deliveries(), toSearchParams(query), deliveryPageSchema),

  replayDelivery: (caller: Caller, id: string) =>
    callUpstream(
      caller,
      { method: "POST", path: upstreamPaths.replay(id), slow: true },
      deliveryResultSchema,
    ),
};
