import { z } from "zod";

/*
 * Reading Closient's answers liberally: Closient will add fields and values and return null for
 * optional ones, and one odd value must never cost a page. Unknown fields are dropped by the
 * object schemas (so they never reach the browser); what the portal sends stays strict.
 */

/** A value Closient may add to a field the portal knows: kept, and shown by its own name. */
export type Unrecognised = string & Record<never, never>;

const isDate = (value: unknown): value is string =>
  typeof value === "string" && !Number.isNaN(Date.parse(value));

// Each reader is the plain type, which zod checks on its fast path, with a `catch` that does the
// liberal reading only when a value is odd: a well-formed answer costs what a strict one did.

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

const stringRecord = (value: unknown): Record<string, string> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, item]) => typeof item === "string"))
    : {};

/** Optional text: anything but a string (null, a number, missing) reads as "". */
export const lenientText = z.string().catch("");

/** Optional text that may be absent: anything but a string reads as null. */
export const lenientNullableText = z.string().nullable().catch(null);

/** An optional whole number: anything else reads as null. */
export const lenientInt = z.number().int().nullable().catch(null);

/** A count: anything but a whole number ≥ 0 reads as 0. */
export const lenientCount = z.number().int().min(0).catch(0);

/** A list of strings: null reads as [], and items that are not strings are left out. */
export const lenientStrings = z.array(z.string()).catch(({ value }) => strings(value));

/** Flat string → string metadata: null reads as {}, and values that are not strings are left out. */
export const lenientStringRecord = z.record(z.string(), z.string()).catch(({ value }) => stringRecord(value));

/** A required timestamp: a row without a readable one cannot be shown and is left out. */
export const timestamp = z.string().refine(isDate, "Expected an ISO 8601 date-time.");

/** An optional timestamp: anything unreadable reads as null. */
export const lenientTimestamp = z
  .unknown()
  .optional()
  .transform((value): string | null => (isDate(value) ? value : null));

/** A required id: a row without one cannot be linked to and is left out. */
export const requiredId = z.string().min(1);

/** A value of an open set (a status, a role): any non-empty string, known or not. */
export function openEnum<const T extends readonly string[]>(_known: T) {
  return z
    .string()
    .min(1)
    .transform((value) => value as T[number] | Unrecognised);
}

/** Why a row could not be read, for the server's log: field paths and messages, never values. */
export interface UnreadableRow {
  index: number;
  id: string | null;
  problems: string[];
}

export function describeUnreadable(index: number, raw: unknown, error: z.ZodError): UnreadableRow {
  const id =
    typeof raw === "object" && raw !== null && "id" in raw && typeof raw.id === "string"
      ? raw.id.slice(0, 64)
      : null;
  const problems = error.issues.map(
    (issue) => `${issue.path.map(String).join(".") || "row"}: ${issue.message}`,
  );
  return { index, id, problems };
}
