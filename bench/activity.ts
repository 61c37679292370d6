/**
 * `npm run bench:activity`: what the activity log costs, on SQLite and on a real PostgreSQL
 * (harness/postgres.ts), measured side by side in one run. A benchmark, not a test.
 *
 *   npm run bench:activity -- [--requests 300] [--entries 1000000] [--reads 30]
 *
 * - A change with the log, against the same change without it: a PATCH to a sandbox in this
 *   process (a real HTTP call and a real SQLite behind it), wrapped in the log's `around` (the
 *   entry written before the call, completed after) or not, alternating, medians.
 * - The log's page with 1,000,000 entries across 100 organizations: one page of 50 through
 *   `listActivity`, unfiltered and by each filter, its server time (the query and the mapping).
 */
import { sql } from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../harness/postgres";
import { markdownTable, writeSection } from "../harness/report";
import { startTestSandbox } from "../harness/sandbox-in-process";
import { median, option } from "../harness/stats";
import { ActivityLog, listActivity } from "../lib/server/activity";
import { openStore, type Store, type StoreTarget } from "../lib/server/store/db";
import { timeOrderedId } from "../lib/server/store/ids";

const ARGS = process.argv.slice(2);
const REQUESTS = option(ARGS, "requests", 300);
const ENTRIES = option(ARGS, "entries", 1_000_000);
const READS = option(ARGS, "reads", 30);
const ORGS = 100;

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function overhead(db: Store, patch: () => Promise<unknown>) {
  const activity = new ActivityLog(() => Promise.resolve(db));
  const ctx = {
    orgId: "bench-org",
    actor: { kind: "user" as const, id: "u1", name: "bench@brand.example" },
    requestId: "r",
  };
  const off: number[] = [];
  const on: number[] = [];
  for (let i = 0; i < 20; i++) await patch(); // warm-up
  for (let i = 0; i < REQUESTS; i++) {
    let t = performance.now();
    await patch();
    off.push(performance.now() - t);
    t = performance.now();
    await activity.around(
      ctx,
      { action: "endpoint.paused", target: { kind: "endpoint", id: "E", name: "Bench" } },
      patch,
    );
    on.push(performance.now() - t);
  }
  await activity.drain();
  return { off: median(off), on: median(on) };
}

/** ENTRIES rows across ORGS organizations, spread over 180 days, with 20 endpoints and 10 actors each. */
async function fill(db: Store) {
  const actions = [
    "endpoint.updated",
    "endpoint.paused",
    "endpoint.resumed",
    "secret.rotated",
    "delivery.replayed",
  ];
  const start = Date.now() - 180 * 86_400_000;
  const batch = 1_000;
  for (let done = 0; done < ENTRIES; done += batch) {
    const rows = Array.from({ length: Math.min(batch, ENTRIES - done) }, (_, k) => {
      const n = done + k;
      // Spread each field on its own (a multiplicative hash), so no filter is tied to the organization.
      const mix = Math.imul(n, 2654435761) >>> 0;
      const at = start + Math.floor((n / ENTRIES) * 180 * 86_400_000);
      return {
        id: timeOrderedId(at),
        org_id: `org-${n % ORGS}`,
        at: new Date(at).toISOString(),
        actor_kind: "user",
        actor_id: `u${(mix >>> 8) % 10}`,
        actor_name: `admin${(mix >>> 8) % 10}@brand.example`,
        action: actions[(mix >>> 13) % actions.length]!,
        target_kind: "endpoint",
        target_id: `E${(mix >>> 3) % 20}`,
        target_name: `Endpoint ${(mix >>> 3) % 20}`,
        endpoint_id: `E${(mix >>> 3) % 20}`,
        outcome: "succeeded",
        error_code: null,
        request_id: null,
        changes: null,
        details: null,
      };
    });
    await db.insertInto("activity").values(rows).execute();
  }
}

async function reads(db: Store) {
  const org = "org-42";
  const first = await listActivity(db, org, {});
  const cases: [string, Parameters<typeof listActivity>[2]][] = [
    ["newest 50, no filter", {}],
    ["by endpoint", { endpoint: "E2" }],
    ["by actor", { actor: "admin2@brand.example" }],
    ["by action", { action: "secret.rotated" }],
    ["last 7 days", { since: new Date(Date.now() - 7 * 86_400_000).toISOString() }],
    [
      "endpoint + action + 30 days",
      {
        endpoint: "E2",
        action: "endpoint.updated",
        since: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      },
    ],
    ["second page (cursor)", { cursor: first.next_cursor! }],
  ];
  const out: [string, number, number][] = [];
  for (const [name, filters] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < READS; i++) {
      const t = performance.now();
      rows = (await listActivity(db, org, filters)).data.length;
      times.push(performance.now() - t);
    }
    out.push([name, median(times), rows]);
  }
  return out;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-activity-"));
  const pg = await startPostgres();
  const sandbox = await startTestSandbox();
  try {
    const made = await sandbox.a.post<{ id: string }>("webhooks/endpoints/", {
      url: "https://bench.example/h",
    });
    const endpoint = made.body.id;
    let flip = false;
    const patch = () => sandbox.a.patch(`webhooks/endpoints/${endpoint}/`, { is_active: (flip = !flip) });
    const targets: [string, StoreTarget][] = [
      ["SQLite", { dialect: "sqlite", location: join(dir, "bench.db") }],
      ["PostgreSQL", { dialect: "postgres", location: await pg.database("bench") }],
    ];
    const costRows: string[][] = [];
    const readRows: string[][] = [];
    for (const [name, target] of targets) {
      const { db } = await openStore(target);
      const cost = await overhead(db, patch);
      costRows.push([name, ms(cost.off), ms(cost.on), ms(cost.on - cost.off)]);
      console.log(name, "overhead", cost);
      const t = performance.now();
      await fill(db);
      if (target.dialect === "postgres") await sql`analyze activity`.execute(db);
      console.log(name, `filled ${ENTRIES} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      for (const [label, time, rows] of await reads(db)) readRows.push([name, label, ms(time), String(rows)]);
      await db.destroy();
    }
    const costTable = markdownTable(
      ["store", "PATCH without the log", "with the log", "the log's cost"],
      costRows,
    );
    const readTable = markdownTable(["store", "page of the log", "median server time", "rows"], readRows);
    console.log(`\n${costTable}\n\n${readTable}`);
    writeSection(
      "activity",
      `npm run bench:activity -- --requests ${REQUESTS} --entries ${ENTRIES} --reads ${READS}`,
      [
        `A PATCH (pause, resume) to a sandbox in the same process, ${REQUESTS} times without and with the activity log's entry around it, alternating; medians. Then ${ENTRIES.toLocaleString("en")} entries across ${ORGS} organizations (20 endpoints, 10 people, 5 actions, 180 days), and one page of 50 for one organization, ${READS} reads each; medians of the query and its mapping.`,
        "",
        costTable,
        "",
        readTable,
      ].join("\n"),
    );
  } finally {
    await sandbox.close();
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
