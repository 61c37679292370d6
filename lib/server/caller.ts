import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { isSaneRequestId, REQUEST_ID_HEADER } from "@/lib/log";

/** Who calls Closient, and for which request: the key and the request id travel together. */
export interface Caller {
  apiKey: string;
  requestId: string;
}

/**
 * The id of the request being served. The portal's HTTP server (server.ts) sets
 * it on every request; served some other way (a bare `next start`), a request gets a new one.
 */
export function requestIdOf(requestHeaders: Headers): string {
  const id = requestHeaders.get(REQUEST_ID_HEADER);
  return isSaneRequestId(id) ? id : randomUUID();
}

/** The same for a server component, from the request it renders: one id per render. */
export const currentRequestId = cache(async (): Promise<string> => requestIdOf(await headers()));
