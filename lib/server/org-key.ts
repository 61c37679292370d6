import "server-only";
import { ClosientError } from "@/lib/closient";
import { DEFAULT_RULE } from "@/lib/alerts/rule";
import type { StoredKeyView } from "@/lib/alerts/settings";
import type { ActivityContext } from "./activity";
import { encryptionBox, keyContext } from "./alerts/secrets";
import type { Caller } from "./caller";
import { portalStore } from "./portal-store";
import type { Store } from "./store/db";
import type { OrgKeyTable } from "./store/schema";
import { webhooks } from "./webhooks";

/*
 * The organization's stored key: one per organization, kept sealed (AES-256-GCM under
 * PORTAL_ENCRYPTION_KEY), which the watcher and the access links act through. Set up once (on the
 * alerts page by turning watching on, or on the access page); never shown, sent or logged again:
 * the pages name it by its prefix and description. Erased when nothing uses it any more.
 */

export async function storeDb(): Promise<Store> {
  try {
    return await portalStore();
  } catch {
    throw new ClosientError(
      503,
      "STORE_UNAVAILABLE",
      "The portal's database is unreachable: try again in a moment.",
    );
  }
}

export function storedKeyView(row: OrgKeyTable): StoredKeyView {
  return {
    key_prefix: row.key_prefix,
    key_description: row.key_description,
    started_by: row.started_by,
    started_at: row.started_at,
    key_status: row.key_status === "rejected" ? "rejected" : "accepted",
    key_rejected_at: row.key_rejected_at,
  };
}

export async function storedKey(orgId: string): Promise<OrgKeyTable | undefined> {
  return (await storeDb()).selectFrom("org_key").selectAll().where("org_id", "=", orgId).executeTakeFirst();
}

/**
 * Stores `apiKey` as the organization's key (the session's own, or one pasted for the purpose),
 * once Closient says it belongs to the session's organization; a key stored before is replaced.
 * `watching` turns watching on; otherwise it stays as it was.
 */
export async function storeOrgKey(
  caller: Caller,
  ctx: ActivityContext,
  apiKey: string,
  { ownKey, watching }: { ownKey: boolean; watching: boolean },
): Promise<OrgKeyTable> {
  const box = encryptionBox();
  if (!box)
    throw new ClosientError(
      409,
      "CONFLICT",
      "Storing a key needs PORTAL_ENCRYPTION_KEY, which this portal was started without.",
    );
  let who;
  try {
    who = (await webhooks.whoami({ apiKey, requestId: caller.requestId })).data;
  } catch (error) {
    if (!ownKey && error instanceof ClosientError && error.status === 401)
      throw new ClosientError(400, "VALIDATION_ERROR", "Closient did not accept this key.", [
        { field: "api_key", message: "Closient did not accept this key. Check that it is active." },
      ]);
    throw error;
  }
  const org = who.organizations.find((o) => o.id === ctx.orgId);
  if (!org)
    throw new ClosientError(400, "VALIDATION_ERROR", "This key belongs to another organization.", [
      { field: "api_key", message: "This key belongs to another organization." },
    ]);
  const db = await storeDb();
  const now = new Date().toISOString();
  const row: OrgKeyTable = {
    org_id: ctx.orgId,
    org_name: org.name,
    key_sealed: box.seal(apiKey, keyContext(ctx.orgId)),
    key_prefix: `${apiKey.slice(0, 8)}...`,
    key_description: who.api_key?.description || null,
    started_by: ctx.actor.name,
    started_at: now,
    watching: watching ? 1 : 0,
    key_status: "accepted",
    key_rejected_at: null,
    failing_after: DEFAULT_RULE.failingAfter,
    remind_every_hours: DEFAULT_RULE.remindEveryHours,
    checked_at: null,
    check_error: null,
  };
  const replaced = {
    org_name: row.org_name,
    key_sealed: row.key_sealed,
    key_prefix: row.key_prefix,
    key_description: row.key_description,
    started_by: row.started_by,
    started_at: row.started_at,
    key_status: "accepted",
    key_rejected_at: null,
    check_error: null,
    ...(watching ? { watching: 1 } : {}),
  };
  await db
    .insertInto("org_key")
    .values(row)
    .onConflict((oc) => oc.column("org_id").doUpdateSet(replaced))
    .execute();
  return (await storedKey(ctx.orgId)) ?? row;
}

/** The stored key in clear, for the watcher and the links' sessions; null when it cannot be opened. */
export function openOrgKey(row: Pick<OrgKeyTable, "org_id" | "key_sealed">): string | null {
  return encryptionBox()?.open(row.key_sealed, keyContext(row.org_id)) ?? null;
}

/** Access grants that still act through the stored key: not revoked, not expired. */
export async function liveGrants(db: Store, orgId: string, now = new Date().toISOString()): Promise<number> {
  const row = await db
    .selectFrom("access_grant")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Erases the stored key when nothing uses it any more (not watched, no live grant); answers whether it did. */
export async function eraseIfUnused(db: Store, orgId: string): Promise<boolean> {
  if (await liveGrants(db, orgId)) return false;
  const erased = await db
    .deleteFrom("org_key")
    .where("org_id", "=", orgId)
    .where("watching", "=", 0)
    .executeTakeFirst();
  return erased.numDeletedRows > 0n;
}
