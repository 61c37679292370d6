import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { join } from "node:path";
import { Client } from "pg";
import { WebhookReceiver } from "../../harness/receiver";
import { freePorts } from "../../harness/sandbox-client";
import { postgresAvailable, startPostgres } from "../../harness/postgres";
import type { Notice } from "../../lib/alerts/notice";
import { e2e, portalUrl } from "../support/env";
import { expect, test } from "../support/fixtures";
import { signInTo, startPortal } from "../support/portal-process";
import { seedEndpoint } from "../support/seed";

/*
 * Two portal instances watch one organization through one PostgreSQL, over 100 outages (10
 * endpoints failing and recovering 10 times together). Midway, the instance that holds the
 * watcher's lease is killed (SIGKILL, whatever it was doing: a cycle, a send); the other takes
 * over when the lease expires, and the killed one comes back later. Every change of state is
 * notified exactly once: one failing and one recovered notice per endpoint and outage. A notice
 * sent twice (its sender died before it could record the send) carries the same id both times.
 */

const ENDPOINTS = 10;
const OUTAGES = 10;
const INTERVAL_MS = 300;

for (const store of ["postgres", "sqlite"] as const) {
  const title =
    store === "postgres"
      ? "two instances on one PostgreSQL over 100 outages, one killed midway"
      : "one instance on SQLite over 100 outages, killed midway and restarted";
  test(`${title}: every change notified exactly once`, async () => {
    test.skip(
      store === "postgres" && !postgresAvailable(),
      "no PostgreSQL server here (CI installs it and requires this test)",
    );
    test.setTimeout(240_000);
    const pg = store === "postgres" ? await startPostgres() : null;
    const url = pg
      ? await pg.database("alerts_scale")
      : `file:${join(e2e.dataDir, `alerts-scale-${Date.now()}.db`)}`;
    const ports = await freePorts(store === "postgres" ? 2 : 1);
    const env = {
      WATCH_INTERVAL_MS: String(INTERVAL_MS),
      WATCH_RATE_LIMIT_PER_MINUTE: "1000000",
      DIAGNOSIS_CACHE_MS: "0",
      LOG_LEVEL: "warn",
    };
    const portals: (ChildProcess | null)[] = await Promise.all(
      ports.map((port) => startPortal(port, url, env)),
    );
    const notices = await WebhookReceiver.start("/notices");
    const targets = await Promise.all(Array.from({ length: ENDPOINTS }, () => WebhookReceiver.start("/in")));
    let down = false;
    for (const t of targets)
      t.respond = () => (down ? { status: 503, body: "<title>503</title>" } : { status: 200 });
    const db = pg ? new PgStore(url) : new SqliteStore(url.slice("file:".length));
    try {
      const cookie = await signInTo(ports[0]!, e2e.keys.bob);
      const call = async (path: string, method: string, body: unknown) => {
        const res = await fetch(`${portalUrl(ports[0])}${path}`, {
          method,
          headers: { "Content-Type": "application/json", Origin: portalUrl(ports[0]), Cookie: cookie },
          body: JSON.stringify(body),
        });
        expect(res.status, `${method} ${path}`).toBeLessThan(300);
      };
      await call("/api/alerts/watching", "PUT", {});
      await call("/api/alerts/rule", "PUT", { failing_after: 1, remind_every_hours: null });
      await call("/api/alerts/channels", "POST", { type: "webhook", url: notices.url });

      const type = `scale.alerts.${Date.now().toString(36)}`;
      const ids = new Set<string>();
      for (const t of targets) {
        const made = await seedEndpoint(
          { url: t.url, description: "Scale", event_types: [type] },
          e2e.keys.teamD,
        );
        ids.add(made.id);
      }
      const emit = async () => {
        const res = await fetch(`http://127.0.0.1:${e2e.sandboxPort}/_sandbox/events`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-API-Key": e2e.keys.teamD },
          body: JSON.stringify({ type, data: {} }),
        });
        expect(res.status).toBe(201);
      };
      /** Distinct notices received per endpoint and state, for our endpoints. */
      const counts = () => {
        const seen = new Map<string, Notice>();
        for (const w of notices.received) {
          const body = JSON.parse(w.rawBody) as { data: Notice };
          seen.set(body.data.id, body.data);
        }
        const per = new Map<string, { failing: number; recovered: number }>();
        for (const id of ids) per.set(id, { failing: 0, recovered: 0 });
        for (const notice of seen.values())
          for (const e of notice.endpoints) if (ids.has(e.id)) per.get(e.id)![e.state]++;
        return [...per.values()];
      };
      const all = (state: "failing" | "recovered", n: number) => counts().every((c) => c[state] === n);
      const leaseHolder = async () =>
        (await db.rows<{ holder: string }>("select holder from lease where name = 'watcher'"))[0]?.holder;

      let killed: number | null = null;
      for (let outage = 1; outage <= OUTAGES; outage++) {
        down = true;
        await emit();
        await expect.poll(() => all("failing", outage), { timeout: 30_000 }).toBe(true);
        if (outage === 4) {
          // Kill the instance that holds the lease, mid-whatever: the other must take over.
          const holder = await leaseHolder();
          const index = portals.findIndex((p) => p && holder?.startsWith(`${p.pid}-`));
          expect(index, `the lease is held by one of the two (${holder})`).toBeGreaterThanOrEqual(0);
          portals[index]!.kill("SIGKILL");
          portals[index] = null;
          killed = index;
        }
        if ((outage === 7 || portals.length === 1) && killed !== null && !portals[killed])
          portals[killed] = await startPortal(ports[killed]!, url, env);
        down = false;
        await emit();
        await expect.poll(() => all("recovered", outage), { timeout: 30_000 }).toBe(true);
      }
      // A few more cycles: nothing new about any of them.
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 8));
      expect(counts()).toEqual(
        Array.from({ length: ENDPOINTS }, () => ({ failing: OUTAGES, recovered: OUTAGES })),
      );
      // Every notice in the store was sent, once per channel (a repeat, if any, with the same id).
      const rows = await db.rows<{ status: string; n: number }>(
        "select status, count(*) as n from notice_delivery group by status",
      );
      expect(rows.map((r) => r.status)).toEqual(["sent"]);
      const distinct = new Set(notices.received.map((w) => (JSON.parse(w.rawBody) as { id: string }).id));
      expect(distinct.size).toBe(Number(rows[0]!.n));
      console.log(
        `alerts on ${store}: ${distinct.size} notices, ${notices.received.length - distinct.size} repeated deliveries (same id)`,
      );
    } finally {
      await db.end();
      for (const p of portals) p?.kill("SIGKILL");
      await notices.close();
      for (const t of targets) await t.close();
      pg?.stop();
    }
  });
}

/** Reads the store as the test's own client: PostgreSQL, or the SQLite file (read-only). */
class PgStore {
  private readonly client: Client;
  private readonly connected: Promise<void>;
  constructor(url: string) {
    this.client = new Client({ connectionString: url });
    this.connected = this.client.connect().then(() => undefined);
  }
  async rows<T>(sql: string): Promise<T[]> {
    await this.connected;
    return (await this.client.query(sql)).rows as T[];
  }
  async end() {
    await this.connected;
    await this.client.end();
  }
}
class SqliteStore {
  constructor(private readonly file: string) {}
  rows<T>(sql: string): Promise<T[]> {
    const database = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      return Promise.resolve(database.prepare(sql).all() as T[]);
    } finally {
      database.close();
    }
  }
  end() {
    return Promise.resolve();
  }
}
