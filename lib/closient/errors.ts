import { z } from "zod";

export const ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  "VALIDATION_ERROR",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_INVALID_RESPONSE",
] as const;

export const errorDetailSchema = z.object({ field: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The one error body of every Closient API, and of every portal route. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    status: z.number().int(),
    details: z.array(errorDetailSchema).nullable().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

const DEFAULT_MESSAGES: Record<string, string> = {
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
};

/** An error that carries its HTTP status and envelope; thrown by services, rendered by one handler. */
export class ClosientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[] | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message?: string,
    details: ErrorDetail[] | null = null,
    headers: Record<string, string> = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[code] ?? code);
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
    return new ClosientError(status, code, message, details ?? null, headers);
  }
}

/** zod issues as the documented `details`: one entry per problem, the field as a dotted path. */
export function issuesToDetails(error: z.ZodError): ErrorDetail[] {
  const field = (path: PropertyKey[]) => path.map(String).join(".") || "body";
  return error.issues.flatMap((issue): ErrorDetail[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: field([...issue.path, key]),
        message: `Unknown field "${key}".`,
      }));
    }
    if (issue.code === "invalid_key") {
      return [{ field: field(issue.path), message: issue.issues[0]?.message ?? issue.message }];
    }
    return [{ field: field(issue.path), message: issue.message }];
  });
}

export function validationError(error: z.ZodError): ClosientError {
  return new ClosientError(422, "VALIDATION_ERROR", undefined, issuesToDetails(error));
}
