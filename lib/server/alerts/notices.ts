import "server-only";
import { createHash } from "node:crypto";
import type { Notice } from "@/lib/alerts/notice";
import { env } from "../env";
import type { Store } from "../store/db";
import { timeOrderedId } from "../store/ids";

/** A link into the portal; through sign-in (`next=`) it still leads there. */
export function noticeLink(path: string): string {
  return `${env().portalUrl}${path}`;
}

/**
 * A stable id for a notice about these changes of state: the same endpoints, entering the same
 * state for the same episode, always give the same id, so a receiver can drop a repeat.
 */
export function stableNoticeId(parts: readonly string[]): string {
  const digest = createHash("sha256")
    .update([...parts].sort().join("\n"))
    .digest("base64url");
  return `ntc_${digest.slice(0, 24)}`;
}

/**
 * Writes a notice and one outbox row per channel, in the caller's transaction if it has one. A
 * notice already written (same id) is left as it is: written once, sent once per channel.
 */
export async function enqueueNotice(
  db: Store,
  notice: Notice,
  channelIds: readonly string[],
): Promise<boolean> {
  const inserted = await db
    .insertInto("notice")
    .values({
      id: notice.id,
      org_id: notice.organization.id,
      kind: notice.kind,
      at: notice.created_at,
      body: JSON.stringify(notice),
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  if (!inserted.numInsertedOrUpdatedRows) return false;
  if (channelIds.length)
    await db
      .insertInto("notice_delivery")
      .values(
        channelIds.map((channelId) => ({
          id: timeOrderedId(),
          notice_id: notice.id,
          channel_id: channelId,
          org_id: notice.organization.id,
          status: "pending",
          attempts: 0,
          next_at: notice.created_at,
          locked_until: null,
          last_error: null,
          sent_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(["notice_id", "channel_id"]).doNothing())
      .execute();
  return true;
}

/** Writes a notice for every channel the organization has now (none removed). */
export async function notifyChannels(db: Store, notice: Notice): Promise<boolean> {
  const channels = await db
    .selectFrom("alert_channel")
    .select("id")
    .where("org_id", "=", notice.organization.id)
    .where("removed_at", "is", null)
    .execute();
  return enqueueNotice(
    db,
    notice,
    channels.map((c) => c.id),
  );
}
