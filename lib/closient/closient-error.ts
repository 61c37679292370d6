import type { ErrorDetail, ErrorEnvelope } from "./errors";

/*
 * The error class alone, without the zod schemas beside it in errors.ts: the browser's code
 * imports it from here and ships no schema (the portal's routes validated every answer already).
 */

/**
 * Every error code the portal, its browser code and the sandbox use: Closient's documented codes,
 * then the portal's own (an upstream it cannot use, or no network). Their default words are in
 * error-messages.ts, which the browser does not load: it always says what failed in its own words.
 */
export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "VALIDATION_ERROR"
  | "RATE_LIMITED"
  | "INTERNAL_ERROR"
  | "UPSTREAM_UNAVAILABLE"
  | "UPSTREAM_TIMEOUT"
  | "UPSTREAM_INVALID_RESPONSE"
  | "STORE_UNAVAILABLE"
  | "NETWORK_ERROR";
/** A code read from an envelope (Closient may add codes): only fromEnvelope makes one. */
type ReceivedCode = string & { readonly __received: true };

/** An error that carries its HTTP status and envelope; thrown by services, rendered by one handler. */
export class ClosientError extends Error {
  readonly status: number;
  /** One of ours, or a code Closient added since, passed on as it came. */
  readonly code: ErrorCode | ReceivedCode;
  readonly details: ErrorDetail[] | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode | ReceivedCode,
    message: string,
    details: ErrorDetail[] | null = null,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ClosientError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  toEnvelope(): ErrorEnvelope {
    return {
      error: { code: this.code, message: this.message, status: this.status, details: this.details },
    };
  }

  static fromEnvelope(envelope: ErrorEnvelope, headers: Record<string, string> = {}) {
    const { status, code, message, details } = envelope.error;
    return new ClosientError(status, code as ReceivedCode, message, details ?? null, headers);
  }
}

/** A failure as the admin reads it: the message, then the id support finds it by in the logs. */
export function withReference(message: string, requestId: string | null | undefined): string {
  return requestId ? `${message} Reference: ${requestId}` : message;
}

/** Is `json` the one error envelope? A shape check for the browser, which ships no zod. */
export function isErrorEnvelope(json: unknown): json is ErrorEnvelope {
  if (typeof json !== "object" || json === null || !("error" in json)) return false;
  const { error } = json;
  if (typeof error !== "object" || error === null) return false;
  const e = error as Record<string, unknown>;
  return typeof e.code === "string" && typeof e.message === "string" && typeof e.status === "number";
}
