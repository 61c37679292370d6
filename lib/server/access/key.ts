import "server-only";
import type { ActivityContext } from "../activity";
import type { Caller } from "../caller";
import { storeDb, storedKeyView, storeOrgKey } from "../org-key";
import { activityLog } from "../portal-store";

/** Stores the organization's key for the access links (watching stays as it was). */
export async function storeKeyForLinks(
  caller: Caller,
  ctx: ActivityContext,
  apiKey: string,
  ownKey: boolean,
) {
  const row = await storeOrgKey(caller, ctx, apiKey, { ownKey, watching: false });
  await activityLog().record(ctx, {
    action: "access.key_stored",
    target: { kind: "alerts", id: null, name: row.key_description || row.key_prefix },
    details: { key_prefix: row.key_prefix, own_key: ownKey },
  });
  return storedKeyView(row);
}

/** Erases the stored key: every live grant is revoked, watching stops, the sealed key is deleted. */
export async function eraseOrgKey(ctx: ActivityContext) {
  const db = await storeDb();
  const now = new Date().toISOString();
  const revoked = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("access_grant")
      .set({ revoked_at: now, revoked_by: ctx.actor.name })
      .where("org_id", "=", ctx.orgId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await tx.deleteFrom("alert_state").where("org_id", "=", ctx.orgId).execute();
    await tx.deleteFrom("org_key").where("org_id", "=", ctx.orgId).execute();
    return Number(r.numUpdatedRows);
  });
  await activityLog().record(ctx, {
    action: "access.key_erased",
    target: { kind: "alerts", id: null, name: null },
    details: { revoked },
  });
  return { stored_key: null, revoked };
}
