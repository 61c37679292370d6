import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import Database from "better-sqlite3";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../../harness/test-databases";
import type { Notice } from "@/lib/alerts/notice";
import { migrate, openStore, type Store, type StoreTarget } from "../store/db";
import { MIGRATIONS, migrationProvider } from "../store/migrations";
import type { StoreSchema } from "../store/schema";
import { releaseLease, takeLease } from "./lease";
import { enqueueNotice } from "./notices";
import { claimDue } from "./outbox";

/*
 * The alerts' coordination on both databases: one lease holder at a time, an outbox row claimed by
 * one sender only, a notice written once; and the store upgraded from the previous release's
 * schema (the activity log only) with its entries kept. CI requires the PostgreSQL half.
 */

const { fresh, postgres } = testDatabases("alerts");

const notice = (id: string, orgId = "org-1"): Notice => ({
  id,
  kind: "endpoint.failing",
  created_at: new Date(Date.now() - 1000).toISOString(),
  organization: { id: orgId, name: "Org" },
  endpoints: [],
  link: "http://localhost:3000/alerts",
});

describe.each(["sqlite", "postgres"] as const)("alerts in the store on %s", (dialect) => {
  const skip = () => dialect === "postgres" && !postgres();
  let target: StoreTarget;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    if (skip()) return;
    target = await fresh(dialect);
    a = (await openStore(target)).db;
    b = (await openStore(target)).db; // a second instance's connection
  });
  afterAll(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  it("gives the lease to one holder at a time, and to another once it expires or is let go", async (t) => {
    if (skip()) return t.skip();
    const now = Date.now();
    const first = await Promise.all([
      takeLease(a, "w", "one", 10_000, now),
      takeLease(b, "w", "two", 10_000, now),
    ]);
    expect(first.filter(Boolean)).toHaveLength(1);
    const holder = first[0] ? "one" : "two";
    const other = holder === "one" ? "two" : "one";
    expect(await takeLease(a, "w", holder, 10_000, now + 1_000)).toBe(true); // renewed
    expect(await takeLease(b, "w", other, 10_000, now + 5_000)).toBe(false); // not expired yet
    expect(await takeLease(b, "w", other, 10_000, now + 12_000)).toBe(true); // expired: taken over
    expect(await takeLease(a, "w", holder, 10_000, now + 13_000)).toBe(false);
    await releaseLease(b, "w", other);
    expect(await takeLease(a, "w", holder, 10_000, now + 14_000)).toBe(true);
  });

  it("writes a notice once, with one outbox row per channel, whoever writes it", async (t) => {
    if (skip()) return t.skip();
    const written = await Promise.all([
      enqueueNotice(a, notice("ntc_once"), ["chn_1", "chn_2"]),
      enqueueNotice(b, notice("ntc_once"), ["chn_1", "chn_2"]),
    ]);
    expect(written.filter(Boolean)).toHaveLength(1);
    const rows = await a
      .selectFrom("notice_delivery")
      .select("channel_id")
      .where("notice_id", "=", "ntc_once")
      .execute();
    expect(rows.map((r) => r.channel_id).sort()).toEqual(["chn_1", "chn_2"]);
  });

  it("lets two senders claim due rows at once without ever claiming the same row", async (t) => {
    if (skip()) return t.skip();
    for (let i = 0; i < 40; i++) await enqueueNotice(a, notice(`ntc_claim_${i}`, "org-claim"), ["chn_c"]);
    const claimed: string[] = [];
    for (let round = 0; round < 10; round++) {
      const [x, y] = await Promise.all([claimDue(a, dialect, 3), claimDue(b, dialect, 3)]);
      claimed.push(...[...x, ...y].filter((r) => r.org_id === "org-claim").map((r) => r.id));
    }
    expect(claimed.length).toBe(40);
    expect(new Set(claimed).size).toBe(40);
    // A claim lets go when it expires: a sender that stopped does not strand its rows.
    const later = Date.now() + 60_000;
    const again = (await claimDue(a, dialect, 100, later)).filter((r) => r.org_id === "org-claim");
    expect(again).toHaveLength(40);
  });
});

describe.each(["sqlite", "postgres"] as const)(
  "upgrading from the previous release's schema on %s",
  (dialect) => {
    it("applies the alerts and access migrations over a store that has only the activity log, and keeps its entries", async (t) => {
      if (dialect === "postgres" && !postgres()) return t.skip();
      const target = await fresh(dialect);
      const old = new Kysely<StoreSchema>({
        dialect:
          dialect === "sqlite"
            ? new SqliteDialect({ database: new Database(target.location) })
            : new PostgresDialect({ pool: new Pool({ connectionString: target.location, max: 2 }) }),
      });
      // The previous release: the first migration only, with an entry in its log.
      const { error } = await new Migrator({ db: old, provider: migrationProvider }).migrateTo(
        "2026-12-07-01-activity",
      );
      expect(error).toBeUndefined();
      await old
        .insertInto("activity")
        .values({
          id: "0000000000000000000000",
          org_id: "org-old",
          at: "2026-12-01T00:00:00.000Z",
          actor_kind: "user",
          actor_id: "u1",
          actor_name: "alice@brand.example",
          action: "secret.rotated",
          target_kind: "endpoint",
          target_id: "E1",
          target_name: "Warehouse sync",
          endpoint_id: "E1",
          outcome: "succeeded",
          error_code: null,
          request_id: null,
          changes: null,
          details: null,
        })
        .execute();
      await old.destroy();

      const { db } = await openStore(target);
      try {
        expect(await migrate(db, dialect)).toEqual([]);
        const kept = await db.selectFrom("activity").select(["actor_name", "action"]).execute();
        expect(kept).toEqual([{ actor_name: "alice@brand.example", action: "secret.rotated" }]);
        // The new tables are there and empty.
        expect(await db.selectFrom("org_key").selectAll().execute()).toEqual([]);
        expect(await db.selectFrom("notice_delivery").selectAll().execute()).toEqual([]);
        const applied = await db
          .selectFrom("kysely_migration" as never)
          .select("name" as never)
          .execute();
        expect(applied).toHaveLength(Object.keys(MIGRATIONS).length);
      } finally {
        await db.destroy();
      }
    });
  },
);
