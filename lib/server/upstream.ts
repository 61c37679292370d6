import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { Agent, request, type Dispatcher } from "undici";
import type { z } from "zod";
import { ClosientError, closientError, errorEnvelopeSchema, upstreamPaths } from "@/lib/closient";
import type { Caller } from "./caller";
import { env } from "./env";
import { log } from "./log";
import { plural } from "@/lib/utils";

/** Upstream headers that the browser may see: the rate-limit state. */
const PASS_THROUGH = /^(ratelimit-|x-ratelimit-|retry-after$)/i;

/**
 * Kept-alive connections to the upstream, shared by every request of this process. undici's own
 * `request` rather than `fetch`: the same client without the WHATWG layers (BENCHMARKS.md,
 * bench:portal). It follows no redirects.
 */
const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 128 });

export interface UpstreamCall {
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  /** Test and replay wait for a receiver's answer: they get the longer timeout. */
  slow?: boolean;
}

export interface UpstreamResult<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

function passThroughHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && PASS_THROUGH.test(name)) out[name] = String(value);
  }
  return out;
}

/** A rate-limited answer says when to try again, from `Retry-After`, wherever it is shown. */
function withRetryAfter(message: string, headers: Record<string, string>): string {
  const seconds = Number(headers["retry-after"]);
  if (!(seconds > 0)) return message;
  return `${message} Try again in ${plural(seconds, "second")}.`;
}

/**
 * One call to the Closient API with the admin's key. Failures become ClosientErrors: no answer
 * is 502 UPSTREAM_UNAVAILABLE, no complete answer in time 504 UPSTREAM_TIMEOUT (one deadline for
 * connect, headers and body), an error envelope passes through with its status and rate-limit
 * headers, anything unreadable (a redirect included) is 502 UPSTREAM_INVALID_RESPONSE.
 */
export async function callUpstream<S extends z.ZodType>(
  caller: Caller,
  call: UpstreamCall,
  schema: S,
): Promise<UpstreamResult<z.output<S>>> {
  try {
    return await send(caller, call, schema);
  } catch (error) {
    if (error instanceof ClosientError) {
      // The path holds ids at most; never the query (filters), the key or a body.
      log.warn(
        {
          request_id: caller.requestId,
          upstream: `${call.method} ${call.path}`,
          status: error.status,
          code: error.code,
        },
        "upstream call failed",
      );
    }
    throw error;
  }
}

async function send<S extends z.ZodType>(
  { apiKey, requestId }: Caller,
  call: UpstreamCall,
  schema: S,
): Promise<UpstreamResult<z.output<S>>> {
  const e = env();
  const url = `${e.upstreamUrl}${call.path}${call.query?.size ? `?${call.query.toString()}` : ""}`;
  // One deadline for connect, headers and body, cleared as soon as the body is read. Not
  // AbortSignal.timeout: its timer, weak reference and finalizer outlive the call by the whole
  // timeout, which showed in the proxy's garbage collection (BENCHMARKS.md, bench:portal).
  const deadline = new AbortController();
  const { signal } = deadline;
  const timer = setTimeout(() => deadline.abort(), call.slow ? e.upstreamSlowTimeoutMs : e.upstreamTimeoutMs);
  const failed = () =>
    signal.aborted ? closientError(504, "UPSTREAM_TIMEOUT") : closientError(502, "UPSTREAM_UNAVAILABLE");

  let response: Dispatcher.ResponseData;
  let json: unknown;
  try {
    try {
      response = await request(url, {
        method: call.method,
        headers: {
          "X-API-Key": apiKey,
          "X-Request-Id": requestId,
          Accept: "application/json",
          ...(call.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
        dispatcher,
      });
    } catch {
      throw failed();
    }
    try {
      json = await response.body.json();
    } catch {
      if (signal.aborted) throw closientError(504, "UPSTREAM_TIMEOUT");
      throw closientError(502, "UPSTREAM_INVALID_RESPONSE");
    }
  } finally {
    clearTimeout(timer);
  }

  const headers = passThroughHeaders(response.headers);
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  if (!ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    if (!envelope.success || response.statusCode < 400) throw closientError(502, "UPSTREAM_INVALID_RESPONSE");
    // Closient's own failure is not the portal's: a 5xx upstream is a 502 here, with what it said.
    if (response.statusCode >= 500) {
      throw new ClosientError(
        502,
        "UPSTREAM_UNAVAILABLE",
        `Closient answered with an error (HTTP ${response.statusCode}). Try again shortly.`,
        null,
        headers,
      );
    }
    const { message } = envelope.data.error;
    throw ClosientError.fromEnvelope(
      {
        error: {
          ...envelope.data.error,
          message: withRetryAfter(message, headers),
          status: response.statusCode,
        },
      },
      headers,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw closientError(502, "UPSTREAM_INVALID_RESPONSE");
  return { status: response.statusCode, data: parsed.data, headers };
}

/** Is Closient there? Why not, in words for an operator: never a body, a key or a URL. */
export type Probe = { ok: true } | { ok: false; reason: string };

/**
 * A cheap call with no key (whoami): any answer in the error envelope or JSON below 500 shows
 * that Closient is up and speaking its API. No answer, a 5xx or something else is not ready.
 */
export async function probeUpstream(timeoutMs: number): Promise<Probe> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    const response = await request(`${env().upstreamUrl}${upstreamPaths.whoami()}`, {
      method: "GET",
      headers: { Accept: "application/json" },
      signal: deadline.signal,
      dispatcher,
    });
    const json = await response.body.json().catch(() => undefined);
    if (response.statusCode >= 500)
      return { ok: false, reason: `Closient answered HTTP ${response.statusCode}.` };
    if (json === undefined) return { ok: false, reason: "Closient's answer was not JSON." };
    return { ok: true };
  } catch {
    return {
      ok: false,
      reason: deadline.signal.aborted
        ? `Closient did not answer within ${timeoutMs / 1000} s.`
        : "Closient could not be reached.",
    };
  } finally {
    clearTimeout(timer);
  }
}
