/** After a rotation the previous secret still signs (as `v1old`) for 24 hours. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** A signing secret: 64 lowercase hex characters (32 random bytes). */
export const SECRET_PATTERN = /^[0-9a-f]{64}$/;
export const MASKED_SECRET_PATTERN = /^.{1,8}\.\.\.$/;

export function generateSigningSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

/** The masked form shown everywhere but the create and rotate responses: first 8, then `...`. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 8)}...`;
}

export function isFullSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
