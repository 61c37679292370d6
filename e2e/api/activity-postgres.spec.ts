import { Client } from "pg";
import { MIGRATIONS } from "../../lib/server/store/migrations";
import { freePorts, sandboxClient } from "../../harness/sandbox-client";
import { postgresAvailable, startPostgres } from "../../harness/postgres";
import { e2e, portalUrl, sandboxUrl, TEAM } from "../support/env";
import { expect, test } from "../support/fixtures";
import { signInTo, startPortal } from "../support/portal-process";

/**
 * Two portal instances on one PostgreSQL, started together on an empty database: each migration is
 * applied once; a change made through one instance and a change made through the other are on the
 * one log, each by its own person, whichever instance reads it.
 */
test("two instances on one PostgreSQL: migrations once, one activity log", async () => {
  test.skip(!postgresAvailable(), "no PostgreSQL server here (CI installs it and requires this test)");
  test.setTimeout(90_000);
  const pg = await startPostgres();
  const [one, two] = await freePorts(2);
  const url = await pg.database("portal");
  const portals = await Promise.all([startPortal(one!, url), startPortal(two!, url)]);
  try {
    // Each instance migrates as it starts, in the background: both get there, with no error, and
    // the migration is recorded once (its name is the table's key).
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await expect
        .poll(async () => {
          const ready = await Promise.all(
            [one!, two!].map(
              async (port) =>
                (
                  (await (await fetch(`${portalUrl(port)}/api/health/ready`)).json()) as {
                    database: { status: string };
                  }
                ).database.status,
            ),
          );
          const applied = await client.query("select name from kysely_migration").catch(() => ({ rows: [] }));
          return { ready, applied: applied.rows.map((r: { name: string }) => r.name) };
        })
        .toEqual({ ready: ["ok", "ok"], applied: Object.keys(MIGRATIONS) });
    } finally {
      await client.end();
    }

    const made = await sandboxClient(sandboxUrl, e2e.keys.teamD).post("webhooks/endpoints/", {
      url: "https://scale.example/hooks",
      description: `Two instances ${Date.now().toString(36)}`,
    });
    const id = made.body.id as string;
    const change = async (port: number, key: string, active: boolean) => {
      const cookie = await signInTo(port, key);
      const res = await fetch(`${portalUrl(port)}/api/webhooks/endpoints/${id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", Origin: portalUrl(port), Cookie: cookie },
        body: JSON.stringify({ is_active: active }),
      });
      expect(res.status).toBe(200);
      return cookie;
    };
    await change(one!, e2e.keys.alice, false);
    const bob = await change(two!, e2e.keys.bob, true);
    for (const [port, cookie] of [
      [one!, await signInTo(one!, e2e.keys.alice)],
      [two!, bob],
    ] as const) {
      await expect
        .poll(async () => {
          const res = await fetch(`${portalUrl(port)}/api/activity?endpoint=${id}`, {
            headers: { Cookie: cookie },
          });
          const { data } = (await res.json()) as {
            data: { action: string; actor: { name: string }; outcome: string }[];
          };
          return data.map((e) => `${e.actor.name} ${e.action} ${e.outcome}`);
        })
        .toEqual([`${TEAM.bob} endpoint.resumed succeeded`, `${TEAM.alice} endpoint.paused succeeded`]);
    }

    // The database goes down: a change through the portal still goes through, at once, and its
    // entry is written when the database is back.
    pg.halt();
    const started = Date.now();
    const res = await fetch(`${portalUrl(one)}/api/webhooks/endpoints/${id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Origin: portalUrl(one), Cookie: bob },
      body: JSON.stringify({ is_active: false }),
    });
    expect(res.status, "a change is never refused because the store is down").toBe(200);
    const tookMs = Date.now() - started;
    // Readiness says so (its answer is kept 5 s), and stays ready: the portal serves without it.
    await expect
      .poll(async () => {
        const ready = await fetch(`${portalUrl(one)}/api/health/ready`);
        return [ready.status, ((await ready.json()) as { database: { status: string } }).database.status];
      })
      .toEqual([200, "unreachable"]);
    pg.start();
    await expect
      .poll(
        async () => {
          const list = await fetch(`${portalUrl(two)}/api/activity?endpoint=${id}`, {
            headers: { Cookie: bob },
          });
          if (!list.ok) return [];
          const { data } = (await list.json()) as { data: { action: string; outcome: string }[] };
          return data.map((e) => `${e.action} ${e.outcome}`);
        },
        { timeout: 20_000 },
      )
      .toEqual(["endpoint.paused succeeded", "endpoint.resumed succeeded", "endpoint.paused succeeded"]);
    console.log(`a pause with the database down took ${tookMs} ms`);
  } finally {
    for (const portal of portals) portal.kill("SIGKILL");
    pg.stop();
  }
});
