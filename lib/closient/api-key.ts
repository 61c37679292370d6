import { randomString } from "./random";

export type ApiKeyPrefix = "csb" | "csu" | "cpk";

const KEY_PATTERN = /^(csb|csu|cpk)_([A-Za-z0-9]{32})_([0-9a-f]{8})$/;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of the UTF-8 bytes of `text`, as 8 lowercase hex characters. */
export function crc32Hex(text: string): string {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

/** Offline check of a key's shape and checksum. Returns the prefix, or null when malformed. */
export function parseApiKey(key: string): { prefix: ApiKeyPrefix } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const [, prefix, body, checksum] = match;
  if (crc32Hex(body!) !== checksum) return null;
  return { prefix: prefix as ApiKeyPrefix };
}

export function generateApiKey(prefix: ApiKeyPrefix = "csb"): string {
  const body = randomString(ALPHANUMERIC, 32);
  return `${prefix}_${body}_${crc32Hex(body)}`;
}

/**
 * Why a pasted key cannot be used to sign in, or null: a business or a user key, well formed.
 * Pure, so the sign-in page checks it in the browser without shipping a schema library; the
 * route checks the same through signInSchema.
 */
export function apiKeyProblem(raw: string): string | null {
  const key = raw.trim();
  if (!key) return "Paste your organization's API key.";
  if (!/^(csb|csu)_/.test(key)) {
    return "Use a business (csb_) or user (csu_) key; publishable keys cannot manage webhooks.";
  }
  if (parseApiKey(key) === null) return "This is not a valid Closient key: check that you copied all of it.";
  return null;
}
