import type { z } from "zod";
import { ClosientError } from "./closient-error";
import { closientError } from "./error-messages";
import type { ErrorDetail } from "./errors";
import { metadataFilters } from "./paths";

/** A JSON object body: malformed JSON or a non-object is 400, schema violations are 422. */
export function parseJsonBody<T extends z.ZodType>(text: string, schema: T): z.output<T> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ClosientError(400, "BAD_REQUEST", "The body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ClosientError(400, "BAD_REQUEST", "The body must be a JSON object.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Query parameters, with `metadata[key]=value` pairs gathered under `metadata`. */
export function parseQuery<T extends z.ZodType>(params: URLSearchParams, schema: T): z.output<T> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of params) if (!name.startsWith("metadata[")) plain[name] = value;
  const metadata = metadataFilters(params);
  if (Object.keys(metadata).length > 0) plain.metadata = metadata;
  const parsed = schema.safeParse(plain);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

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
  return closientError(422, "VALIDATION_ERROR", undefined, issuesToDetails(error));
}
