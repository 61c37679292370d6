import "server-only";
import type { z } from "zod";
import { ClosientError, errorEnvelopeSchema } from "@/lib/closient";
import { env } from "./env";

/** Upstream headers that the browser may see: the rate-limit state. */
const PASS_THROUGH = /^(ratelimit-|x-ratelimit-|retry-after$)/i;

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

function passThroughHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (PASS_THROUGH.test(name)) out[name] = value;
  });
  return out;
}

/**
 * One call to the Closient API with the admin's key. Failures become ClosientErrors: no answer
 * is 502 UPSTREAM_UNAVAILABLE, no answer in time 504 UPSTREAM_TIMEOUT, an error envelope passes
 * through with its status and rate-limit headers, anything unreadable is 502.
 */
export async function callUpstream<S extends z.ZodType>(
  apiKey: string,
  call: UpstreamCall,
  schema: S,
): Promise<UpstreamResult<z.output<S>>> {
  const e = env();
  const url = `${e.upstreamUrl}${call.path}${call.query?.size ? `?${call.query.toString()}` : ""}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      headers: {
        "X-API-Key": apiKey,
        Accept: "application/json",
        ...(call.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.slow ? e.upstreamSlowTimeoutMs : e.upstreamTimeoutMs),
      cache: "no-store",
      redirect: "error",
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError") throw new ClosientError(504, "UPSTREAM_TIMEOUT");
    throw new ClosientError(502, "UPSTREAM_UNAVAILABLE");
  }

  const headers = passThroughHeaders(response.headers);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError") throw new ClosientError(504, "UPSTREAM_TIMEOUT");
    throw new ClosientError(502, "UPSTREAM_INVALID_RESPONSE");
  }

  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    if (!envelope.success) throw new ClosientError(502, "UPSTREAM_INVALID_RESPONSE");
    throw ClosientError.fromEnvelope({ error: { ...envelope.data.error, status: response.status } }, headers);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ClosientError(502, "UPSTREAM_INVALID_RESPONSE");
  return { status: response.status, data: parsed.data, headers };
}
