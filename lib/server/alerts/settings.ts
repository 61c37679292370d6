import "server-only";
import { randomBytes } from "node:crypto";
import { ClosientError, generateSigningSecret } from "@/lib/closient";
import {
  type AlertStates,
  type AlertsView,
  type ChannelInput,
  type ChannelView,
  type NoticeView,
  type RuleInput,
  type WatchingView,
} from "@/lib/alerts/settings";
import { subject, type Notice, type NoticeKind } from "@/lib/alerts/notice";
import { DEFAULT_RULE, type AlertStateName } from "@/lib/alerts/rule";
import type { ActivityContext } from "../activity";
import type { Caller } from "../caller";
import { env } from "../env";
import { activityLog, portalStore } from "../portal-store";
import { timeOrderedId } from "../store/ids";
import type { AlertChannelTable, OrgKeyTable } from "../store/schema";
import { outboundProblem } from "./outbound";
import { encryptionBox, secretContext } from "./secrets";
import { eraseIfUnused, liveGrants, storeDb, storedKey, storedKeyView, storeOrgKey } from "../org-key";
import { enqueueNotice, noticeLink } from "./notices";

/*
 * The alert settings of an organization: whether it is watched and with which key (sealed), the
 * rule, the channels. Every change goes to the activity log. The organization is always the
 * session's; no id sent by the browser picks another.
 */

export function watchingView(row: OrgKeyTable): WatchingView {
  return {
    ...storedKeyView(row),
    checked_at: row.checked_at,
    check_error: row.check_error,
  };
}

/** A Slack URL is itself a credential: the page shows where it goes, never all of it. */
function shownTarget(row: Pick<AlertChannelTable, "type" | "target">): string {
  if (row.type === "email") return row.target;
  try {
    const url = new URL(row.target);
    const tail = url.pathname.length > 12 ? `…${url.pathname.slice(-6)}` : url.pathname;
    return row.type === "slack" ? `${url.host}${tail}` : `${url.origin}${url.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

function channelView(row: AlertChannelTable): ChannelView {
  return {
    id: row.id,
    type: row.type as ChannelView["type"],
    target: shownTarget(row),
    created_at: row.created_at,
    created_by: row.created_by,
  };
}

export async function alertsView(orgId: string): Promise<AlertsView> {
  const store = await storeDb();
  const [watch, channels] = await Promise.all([
    store.selectFrom("org_key").selectAll().where("org_id", "=", orgId).executeTakeFirst(),
    store
      .selectFrom("alert_channel")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("removed_at", "is", null)
      .orderBy("id")
      .execute(),
  ]);
  const e = env();
  return {
    watching: watch?.watching ? watchingView(watch) : null,
    stored_key: watch ? storedKeyView(watch) : null,
    rule: watch
      ? { failing_after: watch.failing_after, remind_every_hours: watch.remind_every_hours }
      : { failing_after: DEFAULT_RULE.failingAfter, remind_every_hours: DEFAULT_RULE.remindEveryHours },
    channels: channels.map(channelView),
    interval_ms: e.watchIntervalMs,
    can_watch: e.encryptionKey !== null,
    email_ready: e.smtpUrl !== null,
  };
}

/**
 * Watches the organization: with the key already stored (`keepKey`), or with `apiKey` (the
 * session's own, or one pasted for the purpose), stored sealed in place of any before.
 */
export async function startWatching(
  caller: Caller,
  ctx: ActivityContext,
  apiKey: string,
  { ownKey, keepKey }: { ownKey: boolean; keepKey: boolean },
) {
  const store = await storeDb();
  let row = keepKey ? await storedKey(ctx.orgId) : undefined;
  if (keepKey && !row)
    throw new ClosientError(409, "CONFLICT", "No key is stored for this organization yet.");
  if (row) {
    await store.updateTable("org_key").set({ watching: 1 }).where("org_id", "=", ctx.orgId).execute();
    row = { ...row, watching: 1 };
  } else row = await storeOrgKey(caller, ctx, apiKey, { ownKey, watching: true });
  await activityLog().record(ctx, {
    action: "alerts.watching_started",
    target: { kind: "alerts", id: null, name: row.key_description || row.key_prefix },
    details: { key_prefix: row.key_prefix, own_key: ownKey && !keepKey },
  });
  return watchingView(row);
}

/**
 * Stops watching, and forgets the endpoints' alert states. The stored key is erased with it,
 * unless access links still act through it (then it stays until the last is revoked or expires).
 */
export async function stopWatching(ctx: ActivityContext) {
  const store = await storeDb();
  const stopped = await store.transaction().execute(async (tx) => {
    await tx.deleteFrom("alert_state").where("org_id", "=", ctx.orgId).execute();
    const r = await tx
      .updateTable("org_key")
      .set({ watching: 0, checked_at: null, check_error: null })
      .where("org_id", "=", ctx.orgId)
      .where("watching", "=", 1)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  });
  const erased = await eraseIfUnused(store, ctx.orgId);
  const keptFor = erased ? 0 : await liveGrants(store, ctx.orgId);
  if (stopped)
    await activityLog().record(ctx, {
      action: "alerts.watching_stopped",
      target: { kind: "alerts", id: null, name: null },
      details: { key_erased: erased, kept_for_links: keptFor },
    });
  return { watching: null, key_erased: erased, key_kept_for_links: keptFor };
}

export async function setRule(ctx: ActivityContext, rule: RuleInput) {
  const store = await storeDb();
  const before = await store
    .selectFrom("org_key")
    .select(["failing_after", "remind_every_hours"])
    .where("org_id", "=", ctx.orgId)
    .executeTakeFirst();
  if (!before) throw new ClosientError(409, "CONFLICT", "Turn watching on before setting its rule.");
  await store
    .updateTable("org_key")
    .set({ failing_after: rule.failing_after, remind_every_hours: rule.remind_every_hours })
    .where("org_id", "=", ctx.orgId)
    .execute();
  await activityLog().record(ctx, {
    action: "alerts.rule_changed",
    target: { kind: "alerts", id: null, name: null },
    details: { before, after: rule },
  });
  return rule;
}

const MAX_CHANNELS = 20;

/** Adds a channel; a webhook channel's signing secret is in this answer only. */
export async function addChannel(ctx: ActivityContext, input: ChannelInput) {
  if (input.type !== "email") {
    const problem = await outboundProblem(input.url, env().isSandbox);
    if (problem)
      throw new ClosientError(400, "VALIDATION_ERROR", problem, [{ field: "url", message: problem }]);
  }
  const store = await storeDb();
  const count = await store
    .selectFrom("alert_channel")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", ctx.orgId)
    .where("removed_at", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_CHANNELS)
    throw new ClosientError(400, "VALIDATION_ERROR", `At most ${MAX_CHANNELS} channels per organization.`);
  let secret: string | null = null;
  const id = `chn_${randomBytes(9).toString("base64url")}`;
  if (input.type === "webhook") {
    const box = encryptionBox();
    if (!box) throw new ClosientError(409, "CONFLICT", "Webhook channels need PORTAL_ENCRYPTION_KEY.");
    secret = generateSigningSecret();
  }
  const row: AlertChannelTable = {
    id,
    org_id: ctx.orgId,
    type: input.type,
    target: input.type === "email" ? input.to : input.url,
    secret_sealed: secret ? encryptionBox()!.seal(secret, secretContext(ctx.orgId, id)) : null,
    created_at: new Date().toISOString(),
    created_by: ctx.actor.name,
    removed_at: null,
  };
  await store.insertInto("alert_channel").values(row).execute();
  const view = channelView(row);
  await activityLog().record(ctx, {
    action: "alerts.channel_added",
    target: { kind: "channel", id, name: `${row.type}: ${view.target}` },
  });
  return { ...view, ...(secret ? { signing_secret: secret } : {}) };
}

async function ownChannel(orgId: string, id: string) {
  const row = await (
    await storeDb()
  )
    .selectFrom("alert_channel")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new ClosientError(404, "NOT_FOUND", "The requested resource was not found.");
  return row;
}

/** Removes a channel: it receives nothing more (what waits for it is dropped); its history stays. */
export async function removeChannel(ctx: ActivityContext, id: string) {
  const row = await ownChannel(ctx.orgId, id);
  const store = await storeDb();
  await store.transaction().execute(async (tx) => {
    await tx
      .updateTable("alert_channel")
      .set({ removed_at: new Date().toISOString(), secret_sealed: null })
      .where("id", "=", id)
      .execute();
    await tx
      .updateTable("notice_delivery")
      .set({ status: "failed", last_error: "The channel was removed." })
      .where("channel_id", "=", id)
      .where("status", "=", "pending")
      .execute();
  });
  await activityLog().record(ctx, {
    action: "alerts.channel_removed",
    target: { kind: "channel", id, name: `${row.type}: ${shownTarget(row)}` },
  });
  return { id, removed: true };
}

/** Queues a test notice to one channel; the outbox sends it as it sends any other. */
export async function testChannel(ctx: ActivityContext, id: string) {
  const row = await ownChannel(ctx.orgId, id);
  const store = await storeDb();
  const watch = await store
    .selectFrom("org_key")
    .select("org_name")
    .where("org_id", "=", ctx.orgId)
    .executeTakeFirst();
  const noticeId = `ntc_test_${timeOrderedId()}`;
  const notice: Notice = {
    id: noticeId,
    kind: "test",
    created_at: new Date().toISOString(),
    organization: { id: ctx.orgId, name: watch?.org_name ?? ctx.orgId },
    endpoints: [],
    message: `${ctx.actor.name} sent this test notice from the Closient portal. Notices of failing and recovered endpoints will look like this and arrive here.`,
    link: noticeLink("/alerts"),
  };
  await enqueueNotice(store, notice, [row.id]);
  await activityLog().record(ctx, {
    action: "alerts.channel_tested",
    target: { kind: "channel", id, name: `${row.type}: ${shownTarget(row)}` },
    details: { notice_id: noticeId },
  });
  return { notice_id: noticeId, subject: subject(notice) };
}

/** The organization's notices, newest first, each with its deliveries per channel and their attempts. */
export async function listNotices(
  orgId: string,
  { cursor, limit }: { cursor?: string; limit: number },
): Promise<{ data: NoticeView[]; next_cursor: string | null }> {
  const store = await storeDb();
  let query = store.selectFrom("notice").selectAll().where("org_id", "=", orgId);
  if (cursor) {
    const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    if (at && id)
      query = query.where((eb) => eb.or([eb("at", "<", at), eb.and([eb("at", "=", at), eb("id", "<", id)])]));
  }
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const deliveries = ids.length
    ? await store.selectFrom("notice_delivery").selectAll().where("notice_id", "in", ids).execute()
    : [];
  const attempts = deliveries.length
    ? await store
        .selectFrom("notice_attempt")
        .selectAll()
        .where(
          "delivery_id",
          "in",
          deliveries.map((d) => d.id),
        )
        .orderBy("id", "desc")
        .execute()
    : [];
  const data = page.map((row): NoticeView => {
    const notice = JSON.parse(row.body) as Notice;
    return {
      id: row.id,
      kind: row.kind as NoticeKind,
      at: row.at,
      subject: subject(notice),
      endpoint_ids: notice.endpoints.map((e) => e.id),
      deliveries: deliveries
        .filter((d) => d.notice_id === row.id)
        .map((d) => ({
          channel_id: d.channel_id,
          status: d.status as "pending" | "sent" | "failed",
          attempts: d.attempts,
          next_at: d.status === "pending" ? d.next_at : null,
          last_error: d.last_error,
          sent_at: d.sent_at,
          history: attempts
            .filter((a) => a.delivery_id === d.id)
            .slice(0, 10)
            .map((a) => ({
              at: a.at,
              ok: a.ok === 1,
              status_code: a.status_code,
              error: a.error,
              duration_ms: a.duration_ms,
            })),
        })),
    };
  });
  const last = page[page.length - 1];
  return {
    data,
    next_cursor:
      rows.length > limit && last ? Buffer.from(`${last.at}|${last.id}`).toString("base64url") : null,
  };
}

/**
 * Each endpoint's alert state, for the endpoint list and page: null when the organization is not
 * watched (or the store does not answer: the pages stand without it).
 */
export async function alertStates(orgId: string): Promise<AlertStates | null> {
  try {
    const db = await portalStore();
    const watch = await db
      .selectFrom("org_key")
      .select("key_status")
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    if (!watch) return null;
    const rows = await db
      .selectFrom("alert_state")
      .select(["endpoint_id", "state", "since", "changed_at"])
      .where("org_id", "=", orgId)
      .execute();
    return {
      keyRejected: watch.key_status === "rejected",
      endpoints: Object.fromEntries(
        rows.map((r) => [
          r.endpoint_id,
          { state: r.state as AlertStateName, since: r.since, notifiedAt: r.changed_at },
        ]),
      ),
    };
  } catch {
    return null;
  }
}

/** A channel's id from the path; one that cannot exist is a 404 without a read. */
export function channelId(params: Record<string, string>): string {
  const id = params.channelId ?? "";
  if (!/^chn_[A-Za-z0-9_-]{12}$/.test(id))
    throw new ClosientError(404, "NOT_FOUND", "The requested resource was not found.");
  return id;
}
