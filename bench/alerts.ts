/**
 * `npm run bench:alerts`: how soon the team hears, and what one watcher cycle costs. A benchmark,
 * not a test.
 *
 *   npm run bench:alerts -- [--outages 20] [--interval 5000] [--orgs 1000] [--endpoints 100]
 *
 * 1. Time to notice. The sandbox and the portal as `npm start` runs them (two processes), the
 *    watcher every `--interval` ms, a real receiver that breaks and comes back `--outages` times,
 *    and a real receiver for the signed webhook channel. Measured from the first failed attempt
 *    the broken receiver answers (three events at once: the default rule fails an endpoint at
 *    three failures in a row) to the failing notice's arrival; and from the first delivery that
 *    gets through again to the recovered notice's. The interval is shortened and the rate limit the
 *    watcher keeps a tenth of is raised in proportion (time scaled), so the watcher's share of the
 *    key's limit per cycle is the same as at 60 s and 300 a minute.
 * 2. One cycle over `--orgs` watched organizations of `--endpoints` endpoints each, one in ten
 *    failing (harness/seed-many.ts): the sandbox in its own process on that data, the watcher in
 *    this one (lib/server/alerts/watcher.ts runCycle on a SQLite store), its wall time and the
 *    upstream calls per organization. The first cycle finds every failing endpoint and writes the
 *    notices; the second is the steady state.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebhookReceiver } from "../harness/receiver";
import { markdownTable, writeSection } from "../harness/report";
import { freePort } from "../harness/sandbox-client";
import { spawnSandbox, stopProcess } from "../harness/sandbox-process";
import { seedManyOrganizations } from "../harness/seed-many";
import { buildAll, startServers } from "../harness/servers";
import { median, option } from "../harness/stats";

const ARGS = process.argv.slice(2);
const OUTAGES = option(ARGS, "outages", 20);
const INTERVAL = option(ARGS, "interval", 5_000);
const ORGS = option(ARGS, "orgs", 1_000);
const ENDPOINTS = option(ARGS, "endpoints", 100);
const ENCRYPTION_KEY = "bench-encryption-key-0123456789abcdef0123456789";
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function until<T>(read: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing came within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function timeToNotice(dir: string) {
  await buildAll();
  const notices = await WebhookReceiver.start("/notices");
  const target = await WebhookReceiver.start("/in");
  let down = false;
  target.respond = () =>
    down ? { status: 503, body: "<title>503 Service Unavailable</title>" } : { status: 200 };
  const servers = await startServers({
    db: join(dir, "sandbox.db"),
    timeScale: 0.001,
    portalEnv: {
      DATABASE_URL: `file:${join(dir, "portal.db")}`,
      PORTAL_ENCRYPTION_KEY: ENCRYPTION_KEY,
      WATCH_INTERVAL_MS: String(INTERVAL),
      WATCH_RATE_LIMIT_PER_MINUTE: String(Math.round((300 * 60_000) / INTERVAL)),
      LOG_LEVEL: "warn",
    },
  });
  try {
    const call = async (path: string, method: string, body: unknown) => {
      const res = await fetch(`${servers.portal}${path}`, {
        method,
        headers: { "Content-Type": "application/json", Cookie: servers.cookie },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    await call("/api/alerts/watching", "PUT", {});
    await call("/api/alerts/channels", "POST", { type: "webhook", url: notices.url });
    const endpoint = await fetch(`${servers.sandbox}/integrations/api/v1/webhooks/endpoints/`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": servers.key },
      body: JSON.stringify({
        url: target.url,
        description: "Bench receiver",
        event_types: ["offer.updated"],
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const emit = () =>
      fetch(`${servers.sandbox}/_sandbox/events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-API-Key": servers.key },
        body: JSON.stringify({ type: "offer.updated", data: {} }),
      });
    const noticeOf = (kind: string, after: number) =>
      notices.received.find(
        (w) =>
          w.receivedAt >= after &&
          w.rawBody.includes(endpoint.id) &&
          (JSON.parse(w.rawBody) as { type: string }).type === kind,
      );
    const failing: number[] = [];
    const recovering: number[] = [];
    for (let i = 0; i < OUTAGES; i++) {
      // A random point in the watcher's cycle, as a real outage begins.
      await new Promise((r) => setTimeout(r, Math.random() * INTERVAL));
      down = true;
      const from = target.received.length;
      await Promise.all([emit(), emit(), emit()]);
      const firstFailure = (await until(() => target.received[from], 30_000)).receivedAt;
      const failed = await until(() => noticeOf("endpoint.failing", firstFailure), INTERVAL * 4 + 30_000);
      failing.push(failed.receivedAt - firstFailure);
      await new Promise((r) => setTimeout(r, Math.random() * INTERVAL));
      down = false;
      const before = target.received.length;
      await emit();
      const through = (await until(() => target.received.slice(before).find(() => true), 30_000)).receivedAt;
      const back = await until(() => noticeOf("endpoint.recovered", through), INTERVAL * 4 + 30_000);
      recovering.push(back.receivedAt - through);
      process.stdout.write(
        `outage ${i + 1}: failing ${seconds(failing.at(-1)!)}, recovered ${seconds(recovering.at(-1)!)}\n`,
      );
    }
    return { failing, recovering };
  } finally {
    await servers.stop();
    await notices.close();
    await target.close();
  }
}

async function cycleOverMany(dir: string) {
  const sandboxDb = join(dir, "many.db");
  const seedStarted = Date.now();
  const keys = seedManyOrganizations(sandboxDb, { orgs: ORGS, endpoints: ENDPOINTS, deliveries: 5 });
  process.stdout.write(
    `seeded ${ORGS} organizations × ${ENDPOINTS} endpoints in ${seconds(Date.now() - seedStarted)}\n`,
  );
  const port = await freePort();
  const sandbox = await spawnSandbox({
    SANDBOX_PORT: String(port),
    SANDBOX_DB: sandboxDb,
    CLOSIENT_SANDBOX_API_KEYS: keys[0]!.key,
    SANDBOX_RATE_LIMIT_PER_MINUTE: "100000000",
    SANDBOX_RATE_LIMIT_PER_DAY: "100000000",
  });
  // The watcher in this process: its configuration, then its modules.
  Object.assign(process.env, {
    CLOSIENT_API_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: ENCRYPTION_KEY,
    PORTAL_ENCRYPTION_KEY: ENCRYPTION_KEY,
    DATABASE_URL: `file:${join(dir, "watcher.db")}`,
    LOG_LEVEL: "warn",
    PORTAL_URL: "https://portal.brand.example",
  });
  const { openStore, storeTarget } = await import("../lib/server/store/db");
  const { SecretBox } = await import("../lib/server/secret-box");
  const { runCycle } = await import("../lib/server/alerts/watcher");
  const { keyContext } = await import("../lib/server/alerts/secrets");
  const { db } = await openStore(storeTarget(process.env.DATABASE_URL)!);
  const box = new SecretBox(ENCRYPTION_KEY);
  const now = new Date().toISOString();
  for (const { orgId, key } of keys) {
    await db
      .insertInto("org_key")
      .values({
        org_id: orgId,
        org_name: orgId,
        key_sealed: box.seal(key, keyContext(orgId)),
        key_prefix: `${key.slice(0, 8)}...`,
        key_description: "Watcher",
        started_by: "bench",
        started_at: now,
        watching: 1,
        key_status: "accepted",
        key_rejected_at: null,
        failing_after: 3,
        remind_every_hours: null,
        checked_at: null,
        check_error: null,
      })
      .execute();
  }
  try {
    const cycles = [];
    for (let i = 1; i <= 2; i++) {
      const started = performance.now();
      const report = await runCycle(db, `bench-${i}`);
      cycles.push({ ...report, ms: performance.now() - started });
      process.stdout.write(`cycle ${i}: ${JSON.stringify(cycles.at(-1))}\n`);
    }
    const failingStates = await db
      .selectFrom("alert_state")
      .select(db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { cycles, failingStates: Number(failingStates.n) };
  } finally {
    await db.destroy();
    await stopProcess(sandbox);
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-alerts-"));
  try {
    if (OUTAGES > 0) {
      const { failing, recovering } = await timeToNotice(dir);
      const limit = INTERVAL + 5_000;
      const body = [
        `Over ${OUTAGES} outages, the watcher every ${seconds(INTERVAL)} (aim: at most one interval plus 5 s, ${seconds(limit)}):`,
        "",
        markdownTable(
          ["", "median", "worst", "aim"],
          [
            [
              "first failed attempt → failing notice received",
              seconds(median(failing)),
              seconds(Math.max(...failing)),
              seconds(limit),
            ],
            [
              "first delivery through → recovered notice received",
              seconds(median(recovering)),
              seconds(Math.max(...recovering)),
              seconds(limit),
            ],
          ],
        ),
      ].join("\n");
      console.log(`\n${body}`);
      writeSection(
        "alerts-notice",
        `npm run bench:alerts -- --outages ${OUTAGES} --interval ${INTERVAL} --orgs 0`,
        body,
      );
    }
    if (ORGS > 0) {
      const many = await cycleOverMany(dir);
      const body = [
        `${ORGS.toLocaleString("en")} watched organizations of ${ENDPOINTS} endpoints each (one in ten failing), the sandbox in its own process (aim: inside the default 60 s interval):`,
        "",
        markdownTable(
          [
            "cycle",
            "wall time",
            "organizations read",
            "upstream calls",
            "calls per organization (mean, most)",
            "notices written",
          ],
          many.cycles.map((c, i) => [
            i === 0 ? "first (finds the failing endpoints)" : "second (steady)",
            seconds(c.ms),
            String(c.organizations - c.skipped),
            c.calls.toLocaleString("en"),
            `${(c.calls / Math.max(1, c.organizations - c.skipped)).toFixed(1)}, ${c.maxCalls}`,
            String(c.notices),
          ]),
        ),
        "",
        `Endpoints found failing: ${many.failingStates.toLocaleString("en")} (seeded: ${(ORGS * Math.ceil(ENDPOINTS / 10)).toLocaleString("en")}).`,
      ].join("\n");
      console.log(`\n${body}`);
      writeSection(
        "alerts-cycle",
        `npm run bench:alerts -- --outages 0 --orgs ${ORGS} --endpoints ${ENDPOINTS}`,
        body,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
