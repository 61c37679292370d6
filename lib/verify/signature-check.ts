/**
 * Why a signature does or does not verify: the "Verify a signature" page's verdict, in pure
 * code on Web Crypto (it runs in the browser; nothing here touches the network).
 *
 * A receiver only learns "valid" or "invalid". This finds the cause among the usual few: a
 * mangled header, a secret that is not a secret (the masked form, a stray space), a stale
 * timestamp, the previous secret after a rotation, a body that was changed on its way to the
 * receiver's code (re-serialised JSON, a newline added by a copy, CRLF line ends), or the wrong
 * secret.
 */
import { isFullSecret, MASKED_SECRET_PATTERN } from "../closient/secret";
import {
  matchingScheme,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  type ParsedSignature,
} from "../closient/signature";

export type Scheme = "v1" | "v1old";

export interface Difference {
  /** 0-based index of the first differing character, and its 1-based line and column. */
  index: number;
  line: number;
  column: number;
  /** Up to 24 characters before the difference, then up to 24 of each text from it ("" = ended). */
  context: string;
  given: string;
  expected: string;
}

export type BodyChange =
  "trailing-newline-added" | "trailing-newline-removed" | "crlf" | "reserialised" | "other";

export type SignatureVerdict =
  | { kind: "malformed-header"; problems: string[] }
  | { kind: "malformed-secret"; problem: string }
  | { kind: "valid"; scheme: Scheme; timestamp: number; ageSeconds: number; checkedAt: number }
  | { kind: "stale"; scheme: Scheme | null; timestamp: number; ageSeconds: number; checkedAt: number }
  | { kind: "body-changed"; change: BodyChange; scheme: Scheme | null; difference: Difference | null }
  | { kind: "wrong-secret"; why: "prefix" | "reference" | "closient-form"; expectedPrefix?: string }
  | { kind: "no-match"; bodyIsCompactJson: boolean };

export interface CheckInput {
  body: string;
  header: string;
  secret: string;
  /** A body that should verify (the bytes that were sent), to find where the given one differs. */
  referenceBody?: string;
  /** The endpoint's masked secret (`abcd1234...`), when the check is for a known endpoint. */
  maskedSecret?: string;
  /** The check's clock, in Unix seconds. */
  now: number;
  /** Check at the signature's own time (for an old capture) instead of `now`. */
  atSignatureTime?: boolean;
}

/** Parses `t=…,v1=…[,v1old=…]` strictly, naming every problem a receiver's parser would trip on. */
export function inspectHeader(raw: string): { parsed: ParsedSignature | null; problems: string[] } {
  const problems: string[] = [];
  let value = raw.trim();
  const prefix = `${SIGNATURE_HEADER.toLowerCase()}:`;
  if (value.toLowerCase().startsWith(prefix)) value = value.slice(prefix.length).trim();
  if (!value) return { parsed: null, problems: ["The header is empty."] };
  if (/^["'].*["']$/.test(value)) {
    problems.push("The value is wrapped in quotes: a receiver sees the quotes as part of it.");
    value = value.slice(1, -1);
  }
  let timestamp: number | null = null;
  const v1: string[] = [];
  const v1old: string[] = [];
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    if (part.trim() === "") {
      problems.push("It has an empty element (two commas in a row, or a trailing comma).");
      continue;
    }
    if (part !== part.trim()) problems.push(`"${part.trim()}" has spaces around it: Closient sends none.`);
    if (eq < 0) {
      problems.push(`"${part.trim()}" is not a name=value pair.`);
      continue;
    }
    const name = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (name === "t") {
      if (timestamp !== null) problems.push("It has more than one t.");
      else if (/^\d{13}$/.test(val)) problems.push(`t=${val} looks like milliseconds: t is Unix seconds.`);
      else if (!/^\d{1,12}$/.test(val)) problems.push(`t=${val} is not a Unix time in seconds.`);
      else timestamp = Number(val);
    } else if (name === "v1" || name === "v1old") {
      const problem = hexProblem(name, val);
      if (problem) problems.push(problem);
      else (name === "v1" ? v1 : v1old).push(val);
    } else {
      problems.push(`"${name}" is not part of the Closient header (expected t, v1 and maybe v1old).`);
    }
  }
  if (timestamp === null && !problems.some((p) => p.startsWith("t=")))
    problems.push("It has no t=… timestamp.");
  if (v1.length === 0 && !problems.some((p) => p.startsWith("v1=")))
    problems.push("It has no v1=… signature.");
  const parsed = timestamp !== null && v1.length > 0 ? { timestamp, v1, v1old } : null;
  return { parsed, problems };
}

function hexProblem(name: string, value: string): string | null {
  if (/^[0-9a-f]{64}$/.test(value)) return null;
  if (/^[0-9A-Fa-f]{64}$/.test(value)) return `${name}= is in upper case: Closient sends lower-case hex.`;
  if (/^[0-9a-fA-F]*$/.test(value)) {
    return `${name}= has ${value.length} hex characters, not 64: the header was cut short or joined.`;
  }
  return `${name}= is not hexadecimal (HMAC-SHA256 in lower-case hex, 64 characters).`;
}

export function secretProblem(secret: string): string | null {
  if (secret === "") return "Enter the endpoint's signing secret.";
  if (MASKED_SECRET_PATTERN.test(secret.trim())) {
    return "This is the masked form of a secret. Only the full secret, shown once when the endpoint was created or its secret rotated, can verify.";
  }
  if (secret !== secret.trim()) return "The secret has spaces or a line break around it: remove them.";
  if (!isFullSecret(secret)) {
    return `A Closient signing secret is 64 lower-case hexadecimal characters; this one has ${secret.length} characters${/[^0-9a-f]/.test(secret) ? ", some of them not lower-case hex" : ""}.`;
  }
  return null;
}

/** Closient sends compact JSON; `JSON.stringify(JSON.parse(body))` gives back those very bytes. */
function compactJson(body: string): string | null {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return null;
  }
}

/** Bodies the given one may have been before a common change, each with the change's name. */
function variants(body: string): [BodyChange, string][] {
  const out: [BodyChange, string][] = [];
  if (/\r?\n$/.test(body)) out.push(["trailing-newline-added", body.replace(/(\r?\n)+$/, "")]);
  else out.push(["trailing-newline-removed", `${body}\n`]);
  if (body.includes("\r\n")) out.push(["crlf", body.replace(/\r\n/g, "\n")]);
  const compact = compactJson(body);
  if (compact !== null && compact !== body) out.push(["reserialised", compact]);
  return out;
}

export function firstDifference(given: string, expected: string): Difference | null {
  if (given === expected) return null;
  let index = 0;
  while (index < given.length && index < expected.length && given[index] === expected[index]) index++;
  const before = given.slice(0, index);
  return {
    index,
    line: before.split("\n").length,
    column: index - before.lastIndexOf("\n"),
    context: given.slice(Math.max(0, index - 24), index),
    given: given.slice(index, index + 24),
    expected: expected.slice(index, index + 24),
  };
}

/** The verdict; see the file's comment. `ageSeconds` is how old the signature is at `now`. */
export async function checkSignature(input: CheckInput): Promise<SignatureVerdict> {
  const { parsed, problems } = inspectHeader(input.header);
  if (!parsed || problems.length > 0) {
    return {
      kind: "malformed-header",
      problems: problems.length > 0 ? problems : ["The header could not be read."],
    };
  }
  const secretIssue = secretProblem(input.secret);
  if (secretIssue) return { kind: "malformed-secret", problem: secretIssue };

  const checkedAt = input.atSignatureTime ? parsed.timestamp : input.now;
  const ageSeconds = input.now - parsed.timestamp;
  const scheme = await matchingScheme(parsed, input.secret, input.body);
  const stale = !input.atSignatureTime && Math.abs(ageSeconds) > SIGNATURE_TOLERANCE_SECONDS;

  if (scheme) {
    return stale
      ? { kind: "stale", scheme, timestamp: parsed.timestamp, ageSeconds, checkedAt }
      : { kind: "valid", scheme, timestamp: parsed.timestamp, ageSeconds, checkedAt };
  }

  for (const [change, candidate] of variants(input.body)) {
    const matched = await matchingScheme(parsed, input.secret, candidate);
    if (matched) {
      return {
        kind: "body-changed",
        change,
        scheme: matched,
        difference: firstDifference(input.body, candidate),
      };
    }
  }

  const reference = input.referenceBody;
  if (reference !== undefined && reference !== "" && reference !== input.body) {
    const matched = await matchingScheme(parsed, input.secret, reference);
    if (matched) {
      return {
        kind: "body-changed",
        change: "other",
        scheme: matched,
        difference: firstDifference(input.body, reference),
      };
    }
    return { kind: "wrong-secret", why: "reference" };
  }

  const expectedPrefix = input.maskedSecret?.replace(/\.\.\.$/, "");
  if (expectedPrefix && !input.secret.startsWith(expectedPrefix)) {
    return { kind: "wrong-secret", why: "prefix", expectedPrefix };
  }

  if (stale) {
    return { kind: "stale", scheme: null, timestamp: parsed.timestamp, ageSeconds, checkedAt };
  }
  const compact = compactJson(input.body);
  if (compact === input.body) return { kind: "wrong-secret", why: "closient-form" };
  return { kind: "no-match", bodyIsCompactJson: false };
}
