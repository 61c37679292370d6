// zod/mini, like event-types.ts: the endpoint form brings these schemas to the browser.
import { z } from "zod/mini";

export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;

export type Metadata = Record<string, string>;

export const metadataKeySchema = z
  .string()
  .check(
    z.minLength(1, "A metadata key cannot be empty."),
    z.maxLength(METADATA_LIMITS.maxKeyLength, `Keys are at most ${METADATA_LIMITS.maxKeyLength} characters.`),
  );

export const metadataValueSchema = z
  .string()
  .check(
    z.maxLength(
      METADATA_LIMITS.maxValueLength,
      `Values are at most ${METADATA_LIMITS.maxValueLength} characters.`,
    ),
  );

const keyCount = z.superRefine((metadata: Metadata, ctx) => {
  const kept = Object.values(metadata).filter((value) => value !== "").length;
  if (kept > METADATA_LIMITS.maxKeys) {
    ctx.addIssue({ code: "custom", message: `At most ${METADATA_LIMITS.maxKeys} metadata keys.` });
  }
});

/**
 * JavaScript objects cannot hold `__proto__` as data, and zod's record drops it without a word:
 * it is refused before, since refusing beats dropping it silently.
 */
const noReservedKey = z.superRefine((raw: Metadata, ctx) => {
  if (typeof raw === "object" && raw !== null && Object.hasOwn(raw, "__proto__")) {
    ctx.addIssue({ code: "custom", path: ["__proto__"], message: "This key name is reserved." });
  }
});

/**
 * A metadata write: keys to set (a string) or delete (`""`). `null` or `{}` clears all keys.
 * Per-key problems are reported at `metadata.<key>`.
 */
export const metadataWriteSchema = z.pipe(
  z.custom<Metadata>().check(noReservedKey),
  z.record(metadataKeySchema, metadataValueSchema).check(keyCount),
);

/**
 * The documented merge: omitted keys are kept, a string sets, `""` deletes, and `{}` or `null`
 * as the whole value clears every key. `undefined` leaves the metadata as it is.
 */
export function mergeMetadata(current: Metadata, write: Metadata | null | undefined): Metadata {
  if (write === undefined) return { ...current };
  if (write === null || Object.keys(write).length === 0) return {};
  // A Map, not an object: a key like "__proto__" stays a plain key.
  const next = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(write)) {
    if (value === "") next.delete(key);
    else next.set(key, value);
  }
  return Object.fromEntries(next);
}

/**
 * The smallest write that turns `before` into `after`: changed and new keys with their value,
 * removed keys with `""`. Returns undefined when nothing changed, so concurrent edits of other
 * keys are never overwritten.
 */
export function diffMetadata(before: Metadata, after: Metadata): Metadata | undefined {
  const diff: Metadata = {};
  for (const [key, value] of Object.entries(after)) {
    if (before[key] !== value) diff[key] = value;
  }
  for (const key of Object.keys(before)) {
    if (!(key in after)) diff[key] = "";
  }
  return Object.keys(diff).length > 0 ? diff : undefined;
}
