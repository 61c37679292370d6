import "server-only";
import { log } from "../log";
import { openOrgKey, storedKey } from "../org-key";
import { portalStore } from "../portal-store";

const USED_EVERY_MS = 60_000;

/**
 * The stored key a link's session acts through, read on every request: null when its grant was
 * revoked, has expired or is gone, or the key cannot be opened (the session then ends).
 */
export async function grantKey(orgId: string, grantId: string): Promise<string | null> {
  try {
    const db = await portalStore();
    const now = new Date().toISOString();
    const grant = await db
      .selectFrom("access_grant")
      .select(["revoked_at", "expires_at", "redeemed_at", "last_used_at"])
      .where("id", "=", grantId)
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    if (!grant || grant.revoked_at || !grant.redeemed_at || grant.expires_at <= now) return null;
    const key = await storedKey(orgId);
    const apiKey = key ? openOrgKey(key) : null;
    if (apiKey && (!grant.last_used_at || Date.parse(now) - Date.parse(grant.last_used_at) > USED_EVERY_MS))
      void db
        .updateTable("access_grant")
        .set({ last_used_at: now })
        .where("id", "=", grantId)
        .execute()
        .catch(() => undefined);
    return apiKey;
  } catch (error) {
    // The store down: a link's session cannot be checked, so it waits (an admin's does not).
    log.warn(
      { error: error instanceof Error ? error.message : "unknown" },
      "access: a link's grant could not be read",
    );
    return null;
  }
}
