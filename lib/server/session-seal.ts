import { EncryptJWT, errors, jwtDecrypt, type JWTPayload } from "jose";

/**
 * The session cookie's seal: an encrypted JWT (JWE, `dir` + A256GCM) that only the portal can open,
 * with its expiry inside the seal, so a copied cookie dies on time whatever its `Max-Age` says.
 *
 * The AES key is derived from a secret with HKDF once per secret and kept as a CryptoKey: sealing
 * and opening then cost one AES-GCM call each, not a key derivation per request. Each key has an
 * id (`kid`, a hash of the key, not the key): the portal seals with the current secret and opens
 * with the current or a previous one, so `SESSION_SECRET` can be rotated without signing anyone out.
 *
 * Pure (Web Crypto and jose only): the server uses it through lib/server/session.ts, and tests use
 * it to make cookies of a given age.
 */

interface SealKey {
  kid: string;
  key: CryptoKey;
}

const derived = new Map<string, Promise<SealKey>>();
const encoder = new TextEncoder();

async function derive(secret: string): Promise<SealKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, [
    "deriveKey",
    "deriveBits",
  ]);
  const params = {
    name: "HKDF",
    hash: "SHA-256",
    salt: encoder.encode("closient-portal-session"),
    info: encoder.encode("A256GCM"),
  };
  const key = await crypto.subtle.deriveKey(params, material, { name: "AES-GCM", length: 256 }, false, [
    "encrypt",
    "decrypt",
  ]);
  // The id names the key without revealing it: a separate HKDF output, hashed.
  const idBits = await crypto.subtle.deriveBits({ ...params, info: encoder.encode("kid") }, material, 256);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", idBits));
  const kid = Array.from(digest.slice(0, 6), (b) => b.toString(16).padStart(2, "0")).join("");
  return { kid, key };
}

/** One derivation per secret for the life of the process. */
function keyFor(secret: string): Promise<SealKey> {
  let key = derived.get(secret);
  if (!key) {
    key = derive(secret);
    derived.set(secret, key);
  }
  return key;
}

export interface SealOptions {
  /** Seconds the seal stays valid. */
  maxAgeSeconds: number;
  /** The sealing time; tests move it to make old cookies. Defaults to now. */
  now?: Date;
}

/** Seals `payload` with `secret`; it opens until `now + maxAgeSeconds`. */
export async function seal(
  payload: JWTPayload,
  secret: string,
  { maxAgeSeconds, now = new Date() }: SealOptions,
) {
  const { kid, key } = await keyFor(secret);
  const iat = Math.floor(now.getTime() / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid })
    .setIssuedAt(iat)
    .setExpirationTime(iat + maxAgeSeconds)
    .encrypt(key);
}

/**
 * Opens a seal made with any of `secrets` (the current one first), or null: tampered, expired,
 * made with an unknown secret, or not a seal at all. Never throws. `secretIndex` says which secret
 * opened it: 0 is the current one, anything else a previous one (its seal is due to be renewed).
 */
export async function openSeal(
  token: string,
  secrets: readonly string[],
): Promise<{ payload: JWTPayload; secretIndex: number } | null> {
  try {
    const keys = await Promise.all(secrets.map(keyFor));
    let secretIndex = -1;
    const { payload } = await jwtDecrypt(
      token,
      (header) => {
        secretIndex = keys.findIndex((k) => k.kid === header.kid);
        if (secretIndex < 0) throw new errors.JWEDecryptionFailed();
        return keys[secretIndex]!.key;
      },
      { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"], requiredClaims: ["exp"] },
    );
    return { payload, secretIndex };
  } catch {
    return null;
  }
}
