import { randomBytes } from "node:crypto";

let last = 0;
let sequence = 0;

/**
 * A time-ordered id: the time in ms (base 36, 9 characters), a counter for ids made in the same
 * millisecond, then 10 random characters. Ids sort as they were made, in this process; across
 * instances, to the millisecond. The activity log orders and pages by it.
 */
export function timeOrderedId(now = Date.now()): string {
  if (now === last) sequence++;
  else {
    last = now;
    sequence = 0;
  }
  const random = randomBytes(8).toString("base64url").replace(/[-_]/g, "0").slice(0, 10).toLowerCase();
  return `${now.toString(36).padStart(9, "0")}${sequence.toString(36).padStart(3, "0")}${random}`;
}
