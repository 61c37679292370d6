import { z } from "zod";
import { ClosientError } from "./closient-error";

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

export { ClosientError } from "./closient-error";

/** zod issues as the documented `details`: one entry per problem, the field as a dotted path. */
export function issuesToDetails(error: z.core.$ZodError): ErrorDetail[] {
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

export function validationError(error: z.core.$ZodError): ClosientError {
  return new ClosientError(422, "VALIDATION_ERROR", undefined, issuesToDetails(error));
}
