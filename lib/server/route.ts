import "server-only";
import type { z } from "zod";
import {
  ClosientError,
  closientError,
  isShortUuid,
  parseJsonBody,
  parseQuery,
  type ErrorEnvelope,
} from "@/lib/closient";
import type { NextRequest } from "next/server";
import { can, refusal, type AccessRole, type Capability } from "@/lib/access/roles";
import type { ActivityContext } from "./activity";
import { requestIdOf, type Caller } from "./caller";
import { log } from "./log";
import { destroySession, readRequestSession, renew } from "./session";

const NO_STORE = { "Cache-Control": "no-store" };

export function errorResponse(error: ClosientError): Response {
  return Response.json(error.toEnvelope() satisfies ErrorEnvelope, {
    status: error.status,
    headers: { ...error.headers, ...NO_STORE },
  });
}

/**
 * Mutations must come from the portal's own pages. Browsers say where a request comes from in
 * Sec-Fetch-Site (or, older ones, Origin); a cross-site one is refused with 403.
 */
export function assertSameOrigin(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin") return;
    throw new ClosientError(403, "FORBIDDEN", "Cross-site requests are refused.");
  }
  const origin = request.headers.get("origin");
  if (!origin) return; // not a browser: no ambient cookie to abuse
  const host = request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    /* "null" or garbage */
  }
  if (!host || originHost !== host) {
    throw new ClosientError(403, "FORBIDDEN", "Cross-site requests are refused.");
  }
}

export interface RouteInput {
  request: NextRequest;
  params: Record<string, string>;
  caller: Caller;
  /** Who acts, in which organization, for the activity log. */
  activity: ActivityContext;
  /** What this session may do (an admin, or an access link's role). */
  access: AccessRole;
}

export interface RouteOutput {
  data: unknown;
  status?: number;
  headers?: Record<string, string>;
  /** A response of its own (a file), sent as it is instead of `data` as JSON. */
  raw?: Response;
}

type Handler = (input: RouteInput) => Promise<RouteOutput> | RouteOutput;
/** What a route needs: a capability, or one read from the request (a PATCH that only pauses). */
type Needs = Capability | ((request: NextRequest) => Promise<Capability>);
type RouteContext = { params: Promise<Record<string, string>> };

/** Runs a route body; every failure leaves as the one error envelope, never a stack trace. */
export async function withErrors(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ClosientError) return errorResponse(error);
    // The error's name and message only: a stack or a cause could carry what the request held.
    log.error(
      {
        request_id: requestIdOf(request.headers),
        error: error instanceof Error ? `${error.name}: ${error.message}` : "thrown value",
      },
      "route failed",
    );
    return errorResponse(closientError(500, "INTERNAL_ERROR"));
  }
}

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return Response.json(data, { status: init.status ?? 200, headers: { ...init.headers, ...NO_STORE } });
}

/**
 * Wraps a proxy route: cross-site check on mutations, the session (401 without one; renewed on
 * use; ended when the upstream says the key is no longer valid), one error envelope, no-store.
 */
export function proxyRoute(
  handler: Handler,
  { mutating = false, needs }: { mutating?: boolean; needs?: Needs } = {},
) {
  return (request: NextRequest, context: RouteContext): Promise<Response> =>
    withErrors(request, async () => {
      if (mutating) assertSameOrigin(request);
      const session = await readRequestSession(request);
      if (!session) throw new ClosientError(401, "UNAUTHORIZED", "Sign in to continue.");
      // The one check of what this session may do: a refused action never reaches Closient.
      if (needs) {
        const capability = typeof needs === "string" ? needs : await needs(request.clone() as NextRequest);
        if (!can(session.access, capability))
          throw new ClosientError(403, "FORBIDDEN", refusal(session.access));
      }
      try {
        const caller = { apiKey: session.apiKey, requestId: requestIdOf(request.headers) };
        const activity = {
          orgId: session.organization.id,
          actor: session.actor,
          requestId: caller.requestId,
        };
        const out = await handler({
          request,
          params: await context.params,
          caller,
          activity,
          access: session.access,
        });
        await renew(session);
        return out.raw ?? json(out.data, out);
      } catch (error) {
        if (error instanceof ClosientError && error.status === 401) await destroySession();
        throw error;
      }
    });
}

/** A path id that cannot exist is answered here, without a call upstream. */
export function pathId(params: Record<string, string>, name: string): string {
  const id = params[name] ?? "";
  if (!isShortUuid(id)) throw new ClosientError(404, "NOT_FOUND", "The requested resource was not found.");
  return id;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A JSON object body, checked against `schema`. Sent as anything but `application/json` it is
 * refused (415) before it is read: no HTML form can send a body this portal accepts.
 */
export async function readBody<T extends z.ZodType>(request: Request, schema: T) {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new ClosientError(
      415,
      "BAD_REQUEST",
      "Send the body as JSON, with Content-Type: application/json.",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  const text = declared > MAX_BODY_BYTES ? "" : await request.text();
  if (declared > MAX_BODY_BYTES || text.length > MAX_BODY_BYTES) {
    throw new ClosientError(413, "BAD_REQUEST", "The body is larger than 1 MiB.");
  }
  return parseJsonBody(text, schema);
}

export function readQuery<T extends z.ZodType>(request: NextRequest, schema: T) {
  return parseQuery(request.nextUrl.searchParams, schema);
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
const METHODS: Method[] = ["GET", "POST", "PATCH", "PUT", "DELETE"];

/**
 * Handlers for the methods a route does not serve: 405 in the error envelope, with `Allow`
 * (Next.js would answer them with an empty 405). `export const { PUT, DELETE } = otherMethods("GET", "POST")`.
 */
export function otherMethods(...allowed: Method[]): Record<Method, (request: Request) => Response> {
  const refuse = () =>
    errorResponse(
      new ClosientError(405, "METHOD_NOT_ALLOWED", `Use ${allowed.join(" or ")}.`, null, {
        Allow: allowed.join(", "),
      }),
    );
  // Every method gets the refusal; a route exports only those it does not serve.
  const handlers = {} as Record<Method, (request: Request) => Response>;
  for (const method of METHODS) handlers[method] = refuse;
  return handlers;
}
