import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/*
 * What the store keeps secret (a watched organization's API key, a webhook channel's signing
 * secret), sealed with AES-256-GCM under PORTAL_ENCRYPTION_KEY. A sealed value names the key that
 * sealed it (the first bytes of the key's hash), so a rotated key (the new one in
 * PORTAL_ENCRYPTION_KEY, the old in PORTAL_ENCRYPTION_KEY_PREVIOUS) still opens what the old one
 * sealed, and everything sealed from then on uses the new one.
 *
 *   v1.<key id>.<12-byte nonce>.<16-byte tag>.<ciphertext>   (each part base64url)
 */

interface Key {
  id: string;
  bytes: Buffer;
}

const keyOf = (secret: string): Key => {
  const bytes = createHash("sha256").update(`closient-portal/secret-box/${secret}`).digest();
  return { id: createHash("sha256").update(bytes).digest("base64url").slice(0, 8), bytes };
};

export class SecretBox {
  private readonly current: Key;
  private readonly all: Key[];

  constructor(secret: string, previous: readonly string[] = []) {
    this.current = keyOf(secret);
    this.all = [this.current, ...previous.map(keyOf)];
  }

  seal(plain: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.current.bytes, nonce);
    // The context (which organization, which column) is bound in: a value copied into another row does not open.
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", this.current.id, nonce, cipher.getAuthTag(), body]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  /** The plain value, or null when no key this portal holds opens it (or it was tampered with). */
  open(sealed: string, context: string): string | null {
    const [version, id, nonce, tag, body] = sealed.split(".");
    if (version !== "v1" || !id || !nonce || !tag || body === undefined) return null;
    const key = this.all.find((k) => k.id === id);
    if (!key) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(nonce, "base64url"));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      return null;
    }
  }

  /** Whether `sealed` was sealed with an older key, and should be sealed again. */
  isStale(sealed: string): boolean {
    return sealed.split(".")[1] !== this.current.id;
  }
}
