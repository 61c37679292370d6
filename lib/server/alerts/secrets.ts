import "server-only";
import { env } from "../env";
import { SecretBox } from "../secret-box";

let box: SecretBox | null | undefined;

/** The box that seals the store's secrets, or null when PORTAL_ENCRYPTION_KEY is not set. */
export function encryptionBox(): SecretBox | null {
  if (box === undefined) {
    const { encryptionKey, previousEncryptionKeys } = env();
    box = encryptionKey ? new SecretBox(encryptionKey, previousEncryptionKeys) : null;
  }
  return box;
}

/** What a sealed value is bound to: a watch key opens only as its organization's. */
export const keyContext = (orgId: string) => `watch.key:${orgId}`;
export const secretContext = (orgId: string, channelId: string) => `channel.secret:${orgId}:${channelId}`;
