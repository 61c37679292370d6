import { ClosientError, type ErrorCode } from "./closient-error";
import type { ErrorDetail } from "./errors";

/** Each code's default words, as Closient's envelopes carry them. Server and sandbox only. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: "The request is malformed.",
  UNAUTHORIZED: "API key missing or invalid.",
  FORBIDDEN: "This key may not do that.",
  NOT_FOUND: "The requested resource was not found.",
  METHOD_NOT_ALLOWED: "That method is not allowed on this resource.",
  CONFLICT: "The resource is in a conflicting state.",
  VALIDATION_ERROR: "The request failed validation.",
  RATE_LIMITED: "Too many requests: slow down and retry later.",
  INTERNAL_ERROR: "Unexpected server error.",
  UPSTREAM_UNAVAILABLE: "Closient could not be reached. Try again in a moment.",
  UPSTREAM_TIMEOUT: "Closient did not answer in time. Try again in a moment.",
  UPSTREAM_INVALID_RESPONSE: "Closient sent a response the portal could not read.",
  STORE_UNAVAILABLE: "The portal's database could not be reached. Try again in a moment.",
  NETWORK_ERROR: "The portal could not be reached. Check your connection and retry.",
};

/** A ClosientError in the code's default words unless `message` is given. */
export function closientError(
  status: number,
  code: ErrorCode,
  message?: string,
  details: ErrorDetail[] | null = null,
  headers: Record<string, string> = {},
): ClosientError {
  return new ClosientError(status, code, message ?? DEFAULT_MESSAGES[code], details, headers);
}
