import "server-only";
import { ClosientError, type Endpoint } from "@/lib/closient";
import { adviceFor } from "@/lib/deliveries/diagnosis";
import type { Notice, NoticeEndpoint } from "@/lib/alerts/notice";
import { transitions, type KnownState, type Transition } from "@/lib/alerts/rule";
import { failingNow } from "../diagnosis";
import { env } from "../env";
import { log } from "../log";
import { activityLog } from "../portal-store";
import type { Store } from "../store/db";
import type { OrgKeyTable } from "../store/schema";
import { webhooks } from "../webhooks";
import { noticeLink, notifyChannels, stableNoticeId } from "./notices";
import { encryptionBox, keyContext } from "./secrets";

/*
 * The watcher: every WATCH_INTERVAL_MS, the instance that holds the `watcher` lease reads each
 * watched organization with its stored key, through the same failure diagnosis the endpoint list
 * shows (lib/server/diagnosis.ts failingNow), and turns each change of an endpoint's state into
 * one notice for the organization's channels. A change of state and its notice are written in one
 * transaction, and the state moves only from the state the cycle read (compare and set), so a
 * cycle cut short, or two instances in one cycle, never notify a change twice or lose one.
 */

/** Endpoint pages read per organization and cycle (50 each): the 200 newest endpoints are watched. */
export const ENDPOINT_PAGES = 4;
/**
 * The watcher keeps to this share of the watching key's rate limit per organization, whatever
 * the interval (WATCH_RATE_LIMIT_PER_MINUTE: the sandbox's default and Closient's documented
 * 300 a minute). A cycle that would pass the share over the last minute waits for the next.
 */
export const WATCHER_SHARE = 0.1;
/** The most one cycle can call for one organization: 4 endpoint pages, and failingNow's 4 to 9. */
export const MAX_CALLS_PER_CYCLE = ENDPOINT_PAGES + 9;

export interface CycleReport {
  organizations: number;
  notices: number;
  calls: number;
  /** The most upstream calls one organization needed in this cycle. */
  maxCalls: number;
  skipped: number;
  errors: number;
}

/** Upstream calls made per organization in the last minute on this instance, and the last cycle's count. */
const spent = new Map<string, { at: number[]; last: number }>();
function withinBudget(orgId: string, now: number): boolean {
  const budget = Math.floor(env().watchRateLimitPerMinute * WATCHER_SHARE);
  const org = spent.get(orgId) ?? { at: [], last: MAX_CALLS_PER_CYCLE };
  org.at = org.at.filter((t) => now - t < 60_000);
  spent.set(orgId, org);
  return org.at.length + org.last <= budget;
}
function spend(orgId: string, calls: number, now: number) {
  const org = spent.get(orgId) ?? { at: [], last: calls };
  for (let i = 0; i < calls; i++) org.at.push(now);
  org.last = calls || org.last;
  spent.set(orgId, org);
}

const name = (e: Pick<Endpoint, "description" | "url">) => e.description.trim() || e.url;

function describe(t: Transition, endpoint: Endpoint): NoticeEndpoint {
  if (t.kind === "recovered") {
    return {
      id: endpoint.id,
      name: name(endpoint),
      url: endpoint.url,
      state: "recovered",
      failing_since: t.since,
      recovered_at: t.recoveredAt,
      down_for_seconds: Math.max(0, Math.round((Date.parse(t.recoveredAt) - Date.parse(t.since)) / 1000)),
      dead_letters: t.deadLetters,
      link: noticeLink(
        t.deadLetters
          ? `/deliveries?endpoint_id=${endpoint.id}&status=dead_letter`
          : `/webhooks/${endpoint.id}`,
      ),
    };
  }
  const main = t.failing.groups[0];
  const advice = main ? adviceFor(main, endpoint) : null;
  return {
    id: endpoint.id,
    name: name(endpoint),
    url: endpoint.url,
    state: "failing",
    failing_since: t.since,
    dead_letters: t.failing.run.dead_letter,
    failures: t.failing.run.dead_letter + t.failing.run.failed + t.failing.run.rate_limited,
    ...(advice && main
      ? {
          cause: main.cause.says ? `${advice.title} ("${main.cause.says}")` : advice.title,
          next: advice.next,
        }
      : {}),
    link: noticeLink(`/webhooks/${endpoint.id}`),
  };
}

async function readEndpoints(apiKey: string, requestId: string) {
  const endpoints: Endpoint[] = [];
  let calls = 0;
  for (let page = 1; page <= ENDPOINT_PAGES; page++) {
    calls++;
    const { data } = await webhooks.listEndpoints(
      { apiKey, requestId },
      { page, page_size: 50, metadata: {} },
    );
    endpoints.push(...data.data);
    if (!data.pagination.has_next) break;
  }
  return { endpoints, calls };
}

/**
 * Applies the changes of state found for one organization, and writes their one notice: only
 * those whose state is still what the cycle read. Answers the notice, or null when none was due.
 */
async function record(
  db: Store,
  watch: OrgKeyTable,
  found: Transition[],
  known: ReadonlyMap<string, KnownState>,
  byId: ReadonlyMap<string, Endpoint>,
  now: string,
): Promise<Notice | null> {
  return db.transaction().execute(async (tx) => {
    const applied: Transition[] = [];
    for (const t of found) {
      const before = known.get(t.endpointId);
      const next = {
        state: t.kind,
        since: t.kind === "recovered" ? t.recoveredAt : t.since,
        changed_at: now,
        reminded_at: t.kind === "failing" && t.reminder ? now : null,
      };
      const noticeId = "pending";
      let moved: bigint;
      if (!before) {
        const r = await tx
          .insertInto("alert_state")
          .values({ org_id: watch.org_id, endpoint_id: t.endpointId, notice_id: noticeId, ...next })
          .onConflict((oc) => oc.columns(["org_id", "endpoint_id"]).doNothing())
          .executeTakeFirst();
        moved = r.numInsertedOrUpdatedRows ?? 0n;
      } else {
        const r = await tx
          .updateTable("alert_state")
          .set(t.kind === "failing" && t.reminder ? { reminded_at: now } : { ...next, notice_id: noticeId })
          .where("org_id", "=", watch.org_id)
          .where("endpoint_id", "=", t.endpointId)
          .where("state", "=", before.state)
          .where("since", "=", before.since)
          .where("changed_at", "=", before.changedAt)
          .executeTakeFirst();
        moved = r.numUpdatedRows;
      }
      if (moved > 0n) applied.push(t);
    }
    if (!applied.length) return null;
    const kind = applied.some((t) => t.kind === "failing") ? "endpoint.failing" : "endpoint.recovered";
    // Failing first, then recovered: one notice lists every change of the cycle.
    const ordered = [...applied].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "failing" ? -1 : 1));
    const id = stableNoticeId([
      watch.org_id,
      ...ordered.map((t) =>
        t.kind === "recovered"
          ? `${t.endpointId}:recovered:${t.since}`
          : `${t.endpointId}:failing:${t.since}${t.reminder ? `:reminder:${now.slice(0, 13)}` : ""}`,
      ),
    ]);
    const notice: Notice = {
      id,
      kind,
      created_at: now,
      organization: { id: watch.org_id, name: watch.org_name },
      ...(applied.every((t) => t.kind === "failing" && t.reminder) ? { reminder: true } : {}),
      endpoints: ordered.map((t) => describe(t, byId.get(t.endpointId)!)),
      link: noticeLink("/alerts"),
    };
    await tx
      .updateTable("alert_state")
      .set({ notice_id: id })
      .where("org_id", "=", watch.org_id)
      .where("notice_id", "=", "pending")
      .execute();
    await notifyChannels(tx, notice);
    return notice;
  });
}

/** Closient no longer accepts the stored key: the channels are told once, and watching waits. */
async function keyRejected(db: Store, watch: OrgKeyTable, now: string) {
  const moved = await db
    .updateTable("org_key")
    .set({ key_status: "rejected", key_rejected_at: now, check_error: "Closient refused the stored key." })
    .where("org_id", "=", watch.org_id)
    .where("key_status", "=", "accepted")
    .where("started_at", "=", watch.started_at)
    .executeTakeFirst();
  if (!moved.numUpdatedRows) return;
  await notifyChannels(db, {
    id: stableNoticeId([watch.org_id, `key_rejected:${watch.started_at}`]),
    kind: "watch.key_rejected",
    created_at: now,
    organization: { id: watch.org_id, name: watch.org_name },
    endpoints: [],
    message: `Closient no longer accepts the key that watched this organization (${watch.key_prefix}${watch.key_description ? `, "${watch.key_description}"` : ""}): it was revoked or has expired. No failing endpoint will be noticed until an admin turns watching on again with a valid key.`,
    link: noticeLink("/alerts"),
  });
  await activityLog().record(
    {
      orgId: watch.org_id,
      actor: { kind: "key", id: "watcher", name: "The portal's watcher" },
      requestId: null,
    },
    { action: "alerts.key_rejected", target: { kind: "alerts", id: null, name: watch.key_prefix } },
  );
}

/** One organization: read, compare, notify. Answers the upstream calls made and the notices written. */
export async function watchOrganization(db: Store, watch: OrgKeyTable, cycleId: string, nowMs = Date.now()) {
  const now = new Date(nowMs).toISOString();
  const box = encryptionBox();
  const apiKey = box?.open(watch.key_sealed, keyContext(watch.org_id)) ?? null;
  if (apiKey && box?.isStale(watch.key_sealed)) {
    // Sealed with PORTAL_ENCRYPTION_KEY_PREVIOUS: sealed again with the current key, so the old one can go.
    await db
      .updateTable("org_key")
      .set({ key_sealed: box.seal(apiKey, keyContext(watch.org_id)) })
      .where("org_id", "=", watch.org_id)
      .where("key_sealed", "=", watch.key_sealed)
      .execute();
  }
  if (!apiKey) {
    await db
      .updateTable("org_key")
      .set({
        checked_at: now,
        check_error: "The stored key cannot be opened with PORTAL_ENCRYPTION_KEY (or _PREVIOUS).",
      })
      .where("org_id", "=", watch.org_id)
      .execute();
    return { calls: 0, notices: 0 };
  }
  const requestId = `watch-${cycleId}`;
  let calls = 0;
  try {
    const list = await readEndpoints(apiKey, requestId);
    calls += list.calls;
    const read = await failingNow({ apiKey, requestId }, watch.org_id, nowMs, { fresh: true });
    calls += read.calls;
    const rows = await db.selectFrom("alert_state").selectAll().where("org_id", "=", watch.org_id).execute();
    const known = new Map(
      rows.map((r) => [
        r.endpoint_id,
        {
          state: r.state as KnownState["state"],
          since: r.since,
          remindedAt: r.reminded_at,
          changedAt: r.changed_at,
        },
      ]),
    );
    const found = transitions(
      list.endpoints,
      known,
      read,
      { failingAfter: watch.failing_after, remindEveryHours: watch.remind_every_hours },
      nowMs,
    );
    const byId = new Map(list.endpoints.map((e) => [e.id, e]));
    const notice = found.length ? await record(db, watch, found, known, byId, now) : null;
    await db
      .updateTable("org_key")
      .set({ checked_at: now, check_error: null })
      .where("org_id", "=", watch.org_id)
      .execute();
    if (notice)
      log.info(
        {
          request_id: requestId,
          org: watch.org_id,
          notice: notice.id,
          kind: notice.kind,
          endpoints: notice.endpoints.length,
        },
        "watcher: notice written",
      );
    return { calls, notices: notice ? 1 : 0 };
  } catch (error) {
    if (error instanceof ClosientError && (error.status === 401 || error.status === 403)) {
      await keyRejected(db, watch, now);
    } else {
      const message =
        error instanceof ClosientError
          ? `${error.code}: ${error.message}`
          : "The watcher could not read Closient.";
      await db
        .updateTable("org_key")
        .set({ checked_at: now, check_error: message })
        .where("org_id", "=", watch.org_id)
        .execute();
    }
    return { calls, notices: 0, failed: true };
  }
}

/** One cycle over every watched organization whose key Closient still accepts, a few at a time. */
export async function runCycle(
  db: Store,
  cycleId: string,
  { concurrency = 8, nowMs = Date.now() } = {},
): Promise<CycleReport> {
  const watches = await db
    .selectFrom("org_key")
    .selectAll()
    .where("key_status", "=", "accepted")
    .orderBy("org_id")
    .execute();
  const report: CycleReport = {
    organizations: watches.length,
    notices: 0,
    calls: 0,
    maxCalls: 0,
    skipped: 0,
    errors: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < watches.length) {
      const watch = watches[next++]!;
      if (!withinBudget(watch.org_id, Date.now())) {
        report.skipped++;
        continue;
      }
      const result = await watchOrganization(db, watch, cycleId, nowMs);
      spend(watch.org_id, result.calls, Date.now());
      report.calls += result.calls;
      report.maxCalls = Math.max(report.maxCalls, result.calls);
      report.notices += result.notices;
      if ("failed" in result) report.errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}
