import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../../harness/test-databases";
import { ActivityLog, listActivity, pruneActivity, toEntry } from "../activity";
import { migrate, openStore, storeTarget, type Store } from "./db";
import { MIGRATIONS } from "./migrations";

/*
 * The store on both of its databases: the same tests on SQLite (a file) and on a real PostgreSQL
 * (harness/postgres.ts). CI requires the PostgreSQL half (REQUIRE_POSTGRES=1).
 */

const { fresh, postgres } = testDatabases("store");

const actor = (name: string) => ({ kind: "user" as const, id: `u-${name}`, name });
const ctx = (orgId: string, name = "alice@brand.example") => ({
  orgId,
  actor: actor(name),
  requestId: "req-1",
});

describe("where DATABASE_URL points", () => {
  it("SQLite under .data by default, a file: path, or PostgreSQL; nothing else", () => {
    expect(storeTarget(undefined)).toMatchObject({
      dialect: "sqlite",
      location: expect.stringMatching(/\.data\/portal\.db$/),
    });
    expect(storeTarget("file:/tmp/x.db")).toEqual({ dialect: "sqlite", location: "/tmp/x.db" });
    expect(storeTarget("postgres://u@h:5432/d")).toEqual({
      dialect: "postgres",
      location: "postgres://u@h:5432/d",
    });
    expect(storeTarget("postgresql://u@h/d")?.dialect).toBe("postgres");
    expect(storeTarget("mysql://u@h/d")).toBeNull();
    expect(storeTarget("file:")).toBeNull();
  });
});

describe.each(["sqlite", "postgres"] as const)("the store on %s", (dialect) => {
  const skip = () => dialect === "postgres" && !postgres();
  let db: Store;
  beforeAll(async () => {
    if (skip()) return;
    db = (await openStore(await fresh(dialect))).db;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("applies each migration once, from an empty database, even when two instances start together", async (t) => {
    if (skip()) return t.skip();
    const target = await fresh(dialect);
    const [a, b] = await Promise.all([openStore(target), openStore(target)]);
    try {
      const applied = await a.db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .execute();
      expect(applied).toHaveLength(Object.keys(MIGRATIONS).length);
      expect(await migrate(b.db, dialect)).toEqual([]); // nothing left to apply
    } finally {
      await Promise.all([a.db.destroy(), b.db.destroy()]);
    }
  });

  it("writes an entry before the change and completes it after; a failure keeps its code", async (t) => {
    if (skip()) return t.skip();
    const activity = new ActivityLog(() => Promise.resolve(db));
    const org = `org-${dialect}-1`;
    const target = { kind: "endpoint" as const, id: "E1", name: "Warehouse sync" };
    let seenDuring: string | undefined;
    await activity.around(ctx(org), { action: "endpoint.paused", target }, async () => {
      seenDuring = (await listActivity(db, org, {})).data[0]?.outcome;
    });
    await expect(
      activity.around(ctx(org), { action: "secret.rotated", target }, () =>
        Promise.reject(Object.assign(new Error("no"), { code: "RATE_LIMITED" })),
      ),
    ).rejects.toThrow("no");
    await activity.drain();
    await new Promise((r) => setTimeout(r, 50)); // the completions are not awaited by the change
    const { data } = await listActivity(db, org, {});
    expect(seenDuring).toBe("pending");
    expect(data.map((e) => [e.action, e.outcome, e.error_code])).toEqual([
      ["secret.rotated", "failed", "RATE_LIMITED"],
      ["endpoint.paused", "succeeded", null],
    ]);
    expect(data[1]).toMatchObject({ actor: { name: "alice@brand.example" }, target, request_id: "req-1" });
  });

  it("filters by endpoint, actor, action and time, pages by cursor, and keeps organizations apart", async (t) => {
    if (skip()) return t.skip();
    const activity = new ActivityLog(() => Promise.resolve(db));
    const org = `org-${dialect}-2`;
    for (let i = 0; i < 7; i++) {
      await activity.record(ctx(org, i % 2 ? "bob@brand.example" : "alice@brand.example"), {
        action: i % 3 ? "endpoint.updated" : "endpoint.paused",
        target: { kind: "endpoint", id: `E${i % 2}`, name: null },
      });
    }
    await activity.record(ctx(`${org}-other`), {
      action: "endpoint.paused",
      target: { kind: "endpoint", id: "E0", name: null },
    });
    const all = await listActivity(db, org, { limit: 3 });
    expect(all.data).toHaveLength(3);
    const next = await listActivity(db, org, { limit: 3, cursor: all.next_cursor! });
    const last = await listActivity(db, org, { limit: 3, cursor: next.next_cursor! });
    expect([...all.data, ...next.data, ...last.data].map((e) => e.id)).toEqual(
      (await listActivity(db, org, {})).data.map((e) => e.id),
    );
    expect(last.next_cursor).toBeNull();
    expect((await listActivity(db, org, { actor: "bob@brand.example" })).data).toHaveLength(3);
    expect((await listActivity(db, org, { action: "endpoint.paused" })).data).toHaveLength(3);
    expect((await listActivity(db, org, { endpoint: "E0" })).data).toHaveLength(4);
    expect(
      (await listActivity(db, org, { since: new Date(Date.now() + 60_000).toISOString() })).data,
    ).toHaveLength(0);
    // Another organization's id as a filter reaches nothing of it.
    expect((await listActivity(db, `${org}-other`, {})).data).toHaveLength(1);
    expect((await listActivity(db, "org-nobody", { endpoint: "E0" })).data).toHaveLength(0);
  });

  it("prunes what is older than the retention, and nothing newer", async (t) => {
    if (skip()) return t.skip();
    const org = `org-${dialect}-3`;
    const old = new Date(Date.now() - 200 * 86_400_000).toISOString();
    await db
      .insertInto("activity")
      .values({
        id: "000000000000oldentry01",
        org_id: org,
        at: old,
        actor_kind: "key",
        actor_id: "k",
        actor_name: "CI",
        action: "endpoint.paused",
        target_kind: null,
        target_id: null,
        target_name: null,
        endpoint_id: null,
        outcome: "succeeded",
        error_code: null,
        request_id: null,
        changes: null,
        details: null,
      })
      .execute();
    await new ActivityLog(() => Promise.resolve(db)).record(ctx(org), { action: "endpoint.resumed" });
    expect(await pruneActivity(db, 180)).toBeGreaterThanOrEqual(1);
    expect((await listActivity(db, org, {})).data.map((e) => e.action)).toEqual(["endpoint.resumed"]);
  });

  it("keeps entries while the store is down, writes them in order when it is back, and counts a gap past the bound", async (t) => {
    if (skip()) return t.skip();
    let up = false;
    const activity = new ActivityLog(
      () => (up ? Promise.resolve(db) : Promise.reject(new Error("down"))),
      3,
      20,
    );
    const org = `org-${dialect}-4`;
    const done: string[] = [];
    for (let i = 0; i < 5; i++) {
      // The change goes through although nothing can be written.
      await activity.around(ctx(org), { action: "endpoint.updated", details: { i } }, () =>
        Promise.resolve(done.push(`change ${i}`)),
      );
    }
    expect(done).toHaveLength(5);
    expect(activity.backlog().waiting).toBe(3);
    up = true;
    await activity.drain();
    const { data } = await listActivity(db, org, {});
    // Kept in order: the first entry and its completion, the second's beginning (its completion
    // did not fit: it reads as pending, then "outcome unknown"); the other three are the gap.
    const kept = data.filter((e) => e.action === "endpoint.updated");
    expect(kept.map((e) => [e.details, e.outcome])).toEqual([
      [{ i: 1 }, "pending"],
      [{ i: 0 }, "succeeded"],
    ]);
    const gap = data.find((e) => e.action === "log.gap");
    expect(gap?.details).toEqual({ lost: 3 });
    expect(activity.backlog()).toEqual({ waiting: 0, lost: 0 });
  });
});

describe("PostgreSQL stopped during changes", () => {
  it("lets every change through, and writes their entries in order once it is back", async (t) => {
    const pg = postgres();
    if (!pg) return t.skip();
    const { db } = await openStore(await fresh("postgres"));
    const activity = new ActivityLog(() => Promise.resolve(db), 1_000, 50);
    const org = "org-outage";
    try {
      await activity.record(ctx(org), { action: "endpoint.paused", details: { n: 0 } });
      pg.halt();
      const done: number[] = [];
      for (let n = 1; n <= 5; n++) {
        await activity.around(ctx(org), { action: "endpoint.updated", details: { n } }, () =>
          Promise.resolve(done.push(n)),
        );
      }
      expect(done).toEqual([1, 2, 3, 4, 5]);
      expect(activity.backlog().waiting).toBeGreaterThan(0);
      pg.start();
      await expect.poll(() => activity.backlog().waiting, { timeout: 15_000 }).toBe(0);
      const { data } = await listActivity(db, org, {});
      expect(data.map((e) => [e.details?.n, e.outcome])).toEqual([
        [5, "succeeded"],
        [4, "succeeded"],
        [3, "succeeded"],
        [2, "succeeded"],
        [1, "succeeded"],
        [0, "succeeded"],
      ]);
    } finally {
      await db.destroy();
    }
  }, 30_000);
});

describe("an entry left pending", () => {
  it("reads as pending for two minutes, then as outcome unknown", () => {
    const row = {
      id: "x",
      org_id: "o",
      at: "2026-12-07T10:00:00.000Z",
      actor_kind: "user",
      actor_id: "u",
      actor_name: "alice@brand.example",
      action: "secret.rotated",
      target_kind: null,
      target_id: null,
      target_name: null,
      endpoint_id: null,
      outcome: "pending",
      error_code: null,
      request_id: null,
      changes: null,
      details: null,
    };
    const at = Date.parse(row.at);
    expect(toEntry(row, at + 60_000).outcome).toBe("pending");
    expect(toEntry(row, at + 3 * 60_000).outcome).toBe("unknown");
    expect(toEntry({ ...row, outcome: "succeeded" }, at + 3 * 60_000).outcome).toBe("succeeded");
  });
});

describe("the SQLite file", () => {
  it("holds no key and no secret after a session's entries", async () => {
    const target = await fresh("sqlite");
    const { db } = await openStore(target);
    const activity = new ActivityLog(() => Promise.resolve(db));
    const key = "csb_SECRETKEYSECRETKEYSECRETKEYSECRE_12345678";
    await activity.record(
      { orgId: "o", actor: { kind: "key", id: "k1", name: "Deploy key" }, requestId: "r" },
      { action: "session.signed_in" },
    );
    await db.destroy();
    const bytes =
      readFileSync(target.location).toString("latin1") +
      readFileSync(`${target.location}-wal`, { flag: "a+" }).toString("latin1");
    expect(bytes).toContain("Deploy key");
    expect(bytes).not.toContain(key);
  });
});
