/**
 * The Closient signature scheme, on Web Crypto so one implementation serves Node and the browser.
 *
 *   X-Closient-Signature: t=<unix seconds>,v1=<hex>[,v1old=<hex>]
 *   v1 = hex(HMAC-SHA256(key = secret as UTF-8, message = "{t}." + raw body))
 */
export const SIGNATURE_HEADER = "X-Closient-Signature";
export const EVENT_TYPE_HEADER = "X-Closient-Event-Type";
export const DELIVERY_ID_HEADER = "X-Closient-Delivery-ID";
export const USER_AGENT = "Closient-Webhooks/1.0";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: "sign" | "verify") {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    usage,
  ]);
}

function signedBytes(timestamp: number, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`);
  const raw = typeof body === "string" ? encoder.encode(body) : body;
  const out = new Uint8Array(prefix.length + raw.length);
  out.set(prefix);
  out.set(raw, prefix.length);
  return out;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function computeSignature(
  secret: string,
  timestamp: number,
  body: string | Uint8Array,
): Promise<string> {
  const key = await hmacKey(secret, "sign");
  return toHex(await crypto.subtle.sign("HMAC", key, signedBytes(timestamp, body)));
}

/** The header value for one delivery attempt: `v1` with the current secret, `v1old` in a grace. */
export async function signatureHeader(options: {
  secret: string;
  previousSecret?: string | null;
  timestamp: number;
  body: string | Uint8Array;
}): Promise<string> {
  const { secret, previousSecret, timestamp, body } = options;
  let header = `t=${timestamp},v1=${await computeSignature(secret, timestamp, body)}`;
  if (previousSecret) {
    header += `,v1old=${await computeSignature(previousSecret, timestamp, body)}`;
  }
  return header;
}

export interface ParsedSignature {
  timestamp: number;
  v1: string[];
  v1old: string[];
}

export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: number | null = null;
  const v1: string[] = [];
  const v1old: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === "t" && /^\d+$/.test(value)) timestamp = Number(value);
    else if (name === "v1") v1.push(value);
    else if (name === "v1old") v1old.push(value);
  }
  return timestamp === null ? null : { timestamp, v1, v1old };
}

/**
 * Which of the header's signatures `secret` made over `body` (`v1` first, then `v1old`), compared
 * in constant time through `subtle.verify`; null when none.
 */
export async function matchingScheme(
  parsed: ParsedSignature,
  secret: string,
  body: string | Uint8Array,
): Promise<"v1" | "v1old" | null> {
  const key = await hmacKey(secret, "verify");
  const data = signedBytes(parsed.timestamp, body);
  for (const [scheme, values] of [
    ["v1", parsed.v1],
    ["v1old", parsed.v1old],
  ] as const) {
    for (const value of values) {
      const signature = fromHex(value);
      if (signature && (await crypto.subtle.verify("HMAC", key, signature, data))) return scheme;
    }
  }
  return null;
}

export type VerifyResult =
  | { ok: true; matched: "v1" | "v1old"; timestamp: number }
  | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/**
 * What a receiver does: parse, reject a timestamp more than `toleranceSeconds` from now, then
 * compare (in constant time, through `subtle.verify`) against `v1` and `v1old` with the secret.
 */
export async function verifySignature(options: {
  header: string | null | undefined;
  body: string | Uint8Array;
  secret: string;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): Promise<VerifyResult> {
  const parsed = options.header ? parseSignatureHeader(options.header) : null;
  if (!parsed) return { ok: false, reason: "malformed" };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(now - parsed.timestamp) > tolerance) return { ok: false, reason: "stale" };
  const matched = await matchingScheme(parsed, options.secret, options.body);
  if (matched) return { ok: true, matched, timestamp: parsed.timestamp };
  return { ok: false, reason: "mismatch" };
}
