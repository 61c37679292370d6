import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  deliveryRow,
  endpointRow,
  fakeUpstream,
  pageOf,
  testEnv,
  testId,
} from "../../../harness/fake-upstream";
import type { Notice } from "@/lib/alerts/notice";
import { portalStore } from "../portal-store";
import { SecretBox } from "../secret-box";
import type { Store } from "../store/db";
import { keyContext } from "./secrets";
import { runCycle } from "./watcher";

/*
 * The watcher against a Closient that answers what each case needs (a real HTTP server), on a real
 * SQLite store: a change of state makes one notice and the next cycle none; a paused endpoint is
 * not alerted; a key Closient refuses is told to the channels once, then not read again; a key the
 * portal cannot open is said on the page, and nothing is called.
 */

const upstream = await fakeUpstream();
testEnv(upstream.url);
const ENCRYPTION_KEY = "watcher-test-encryption-key-0123456789abcdef";
const PREVIOUS_KEY = "watcher-test-previous-key-0123456789abcdef";
Object.assign(process.env, {
  PORTAL_ENCRYPTION_KEY: ENCRYPTION_KEY,
  PORTAL_ENCRYPTION_KEY_PREVIOUS: PREVIOUS_KEY,
  WATCH_RATE_LIMIT_PER_MINUTE: "100000",
  DIAGNOSIS_CACHE_MS: "0",
  PORTAL_URL: "https://portal.brand.example",
});
afterAll(() => upstream.close());

const KEY = "csb_watcherwatcherwatcherwatcher12_00000000";
let db: Store;
let orgs = 0;

async function watched(sealWith = ENCRYPTION_KEY) {
  const orgId = `org-w${++orgs}`;
  db = await portalStore();
  await db
    .insertInto("org_key")
    .values({
      org_id: orgId,
      org_name: "Brand",
      key_sealed: new SecretBox(sealWith).seal(KEY, keyContext(orgId)),
      key_prefix: "csb_watc...",
      key_description: "Watcher",
      started_by: "alice@brand.example",
      started_at: new Date().toISOString(),
      watching: 1,
      key_status: "accepted",
      key_rejected_at: null,
      failing_after: 3,
      remind_every_hours: null,
      checked_at: null,
      check_error: null,
    })
    .execute();
  await db
    .insertInto("alert_channel")
    .values({
      id: `chn_test${String(orgs).padStart(8, "0")}`,
      org_id: orgId,
      type: "email",
      target: "oncall@brand.example",
      secret_sealed: null,
      created_at: new Date().toISOString(),
      created_by: "alice@brand.example",
      removed_at: null,
    })
    .execute();
  // Only this organization is watched in each case.
  await db.updateTable("org_key").set({ key_status: "rejected" }).where("org_id", "!=", orgId).execute();
  return orgId;
}

const notices = async (orgId: string) =>
  (
    await db.selectFrom("notice").select(["kind", "body"]).where("org_id", "=", orgId).orderBy("at").execute()
  ).map((n) => ({ kind: n.kind, notice: JSON.parse(n.body) as Notice }));

/** Closient with these endpoints and deliveries: lists answered by their query (status, endpoint). */
function closient(endpoints: ReturnType<typeof endpointRow>[], deliveries: ReturnType<typeof deliveryRow>[]) {
  upstream.handle = (req, res) => {
    const url = new URL(req.url!, "http://x");
    if (url.pathname.endsWith("/webhooks/endpoints/"))
      return upstream.json(200, pageOf(endpoints))(req, res, "");
    const status = url.searchParams.get("status");
    const endpoint = url.searchParams.get("endpoint_id");
    const rows = deliveries.filter(
      (d) => (!status || d.status === status) && (!endpoint || d.endpoint_id === endpoint),
    );
    upstream.json(200, pageOf(rows.slice(0, Number(url.searchParams.get("page_size") ?? 50))))(req, res, "");
  };
}

beforeEach(() => {
  upstream.seen.length = 0;
});

describe("the watcher", () => {
  it("notices an endpoint that starts failing once, and its recovery once", async () => {
    const orgId = await watched();
    const e = testId("E");
    const now = Date.now();
    const at = (min: number) => new Date(now - min * 60_000).toISOString();
    const failing = [
      deliveryRow(e, "delivered", now, { created_at: at(30) }),
      deliveryRow(e, "dead_letter", now, {
        created_at: at(3),
        response_body: "<title>503 Service Unavailable</title>",
      }),
      deliveryRow(e, "failed", now, {
        created_at: at(2),
        response_body: "<title>503 Service Unavailable</title>",
      }),
      deliveryRow(e, "failed", now, {
        created_at: at(1),
        response_body: "<title>503 Service Unavailable</title>",
      }),
    ].reverse();
    closient([endpointRow(e, "Warehouse sync")], failing);
    await runCycle(db, "c1");
    await runCycle(db, "c2");
    expect((await notices(orgId)).map((n) => n.kind)).toEqual(["endpoint.failing"]);
    const [first] = await notices(orgId);
    expect(first!.notice.endpoints[0]).toMatchObject({
      id: e,
      name: "Warehouse sync",
      state: "failing",
      failing_since: at(3),
      dead_letters: 1,
      failures: 3,
      link: `https://portal.brand.example/webhooks/${e}`,
    });
    expect(first!.notice.endpoints[0]!.cause).toContain("503 Service Unavailable");
    const outbox = await db.selectFrom("notice_delivery").selectAll().where("org_id", "=", orgId).execute();
    expect(outbox).toHaveLength(1);

    closient(
      [endpointRow(e, "Warehouse sync")],
      [deliveryRow(e, "delivered", now, { created_at: at(0) }), ...failing],
    );
    await runCycle(db, "c3");
    await runCycle(db, "c4");
    const kinds = await notices(orgId);
    expect(kinds.map((n) => n.kind)).toEqual(["endpoint.failing", "endpoint.recovered"]);
    expect(kinds[1]!.notice.endpoints[0]).toMatchObject({ state: "recovered", dead_letters: 1 });
  });

  it("does not alert a paused endpoint", async () => {
    const orgId = await watched();
    const e = testId("E");
    const now = Date.now();
    closient(
      [{ ...endpointRow(e, "Paused one"), is_active: false }],
      [deliveryRow(e, "dead_letter", now), deliveryRow(e, "failed", now)],
    );
    await runCycle(db, "p1");
    expect(await notices(orgId)).toEqual([]);
  });

  it("tells the channels once that Closient refused the key, and stops reading with it", async () => {
    const orgId = await watched();
    upstream.handle = upstream.json(401, {
      error: { code: "UNAUTHORIZED", message: "Invalid API key.", status: 401 },
    });
    await runCycle(db, "k1");
    const calls = upstream.seen.length;
    expect(calls).toBeGreaterThan(0);
    await runCycle(db, "k2");
    expect(upstream.seen.length, "a refused key is not used again").toBe(calls);
    const told = await notices(orgId);
    expect(told.map((n) => n.kind)).toEqual(["watch.key_rejected"]);
    expect(told[0]!.notice.message).toContain("csb_watc...");
    expect(JSON.stringify(told)).not.toContain(KEY);
    const watch = await db
      .selectFrom("org_key")
      .selectAll()
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow();
    expect(watch).toMatchObject({ key_status: "rejected", check_error: "Closient refused the stored key." });
    const log = await db.selectFrom("activity").select("action").where("org_id", "=", orgId).execute();
    expect(log.map((e) => e.action)).toContain("alerts.key_rejected");
  });

  it("says so when the stored key cannot be opened (another PORTAL_ENCRYPTION_KEY), and calls nothing", async () => {
    const orgId = await watched("some-other-encryption-key-0123456789abcdef");
    await runCycle(db, "x1");
    expect(upstream.seen).toHaveLength(0);
    const watch = await db
      .selectFrom("org_key")
      .selectAll()
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow();
    expect(watch.check_error).toMatch(/cannot be opened/);
  });

  it("reads with a key sealed before a rotation of PORTAL_ENCRYPTION_KEY, and seals it again with the new one", async () => {
    const orgId = await watched(PREVIOUS_KEY);
    closient([], []);
    await runCycle(db, "r1");
    expect(upstream.seen.length).toBeGreaterThan(0);
    const { key_sealed } = await db
      .selectFrom("org_key")
      .select("key_sealed")
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow();
    expect(new SecretBox(ENCRYPTION_KEY).open(key_sealed, keyContext(orgId))).toBe(KEY);
    expect(new SecretBox(PREVIOUS_KEY).open(key_sealed, keyContext(orgId))).toBeNull();
  });
});
