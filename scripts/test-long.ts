/**
 * `npm run test:long`: the tests too long for `npm test`. Ends, like `npm test`, with
 * `N passed, N failed`.
 *
 * 1. Load: 50 clients for 60 s of mixed reads and metadata updates through the portal's API
 *    routes (production build, real sandbox with its rate limits raised). Zero errors, and no lost
 *    update: each client owns one metadata key on each of 10 shared endpoints and writes it a
 *    rising counter; at the end every key holds the last value its client was told was saved.
 * 2. Durability: the sandbox SIGKILLed in a burst of 10,000 events, restarted, and every event id
 *    received (sandbox/tests/durability.test.ts with DURABILITY_EVENTS=10000).
 *
 * Options: --clients 50 --seconds 60 (shorter for a quick look).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAll, startServers } from "../harness/servers";
import { option, percentile } from "../harness/stats";

const args = process.argv.slice(2);
const CLIENTS = option(args, "clients", 50);
const SECONDS = option(args, "seconds", 60);
const ENDPOINTS = 10;

interface Outcome {
  name: string;
  ok: boolean;
  summary: string;
}

async function load(): Promise<Outcome> {
  await buildAll();
  const dir = mkdtempSync(join(tmpdir(), "test-long-"));
  const servers = await startServers({ db: join(dir, "sandbox.db") });
  try {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${servers.portal}${path}`, {
        method,
        headers: { Cookie: servers.cookie, ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return {
        status: res.status,
        body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
      };
    };
    const ids: string[] = [];
    for (let i = 0; i < ENDPOINTS; i++) {
      const created = await call("POST", "/api/webhooks/endpoints", {
        url: `https://load-${i}.example/hook`,
      });
      if (created.status !== 201) throw new Error(`setup: create answered ${created.status}`);
      ids.push(created.body!.id as string);
    }

    const latencies: number[] = [];
    const errors: string[] = [];
    const counts = { list: 0, get: 0, update: 0 };
    /** The last value each client was told was saved, per endpoint: `${endpoint} ${client}` → n. */
    const saved = new Map<string, number>();
    const until = Date.now() + SECONDS * 1000;
    const client = async (c: number) => {
      let n = 0;
      while (Date.now() < until) {
        const id = ids[Math.floor(Math.random() * ids.length)]!;
        const roll = Math.random();
        const started = performance.now();
        let res: { status: number };
        if (roll < 0.4) {
          counts.list++;
          res = await call("GET", "/api/webhooks/endpoints?page_size=50");
        } else if (roll < 0.7) {
          counts.get++;
          res = await call("GET", `/api/webhooks/endpoints/${id}`);
        } else {
          counts.update++;
          n++;
          res = await call("PATCH", `/api/webhooks/endpoints/${id}`, { metadata: { [`c${c}`]: String(n) } });
          if (res.status === 200) saved.set(`${id} c${c}`, n);
        }
        latencies.push(performance.now() - started);
        if (res.status >= 400) errors.push(`${res.status}`);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const elapsed = (Date.now() - started) / 1000;

    const lost: string[] = [];
    for (const id of ids) {
      const { body } = await call("GET", `/api/webhooks/endpoints/${id}`);
      const metadata = (body?.metadata ?? {}) as Record<string, string>;
      for (const [where, n] of saved) {
        const [endpoint, key] = where.split(" ") as [string, string];
        if (endpoint === id && metadata[key] !== String(n))
          lost.push(`${where}: ${metadata[key]} instead of ${n}`);
      }
    }
    const total = latencies.length;
    const summary =
      `${CLIENTS} clients, ${elapsed.toFixed(0)} s: ${total} requests (${counts.list} lists, ${counts.get} reads, ` +
      `${counts.update} metadata updates), ${(total / elapsed).toFixed(0)} req/s, ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms; ` +
      `${errors.length} errors${errors.length ? ` (${[...new Set(errors)].join(", ")})` : ""}, ` +
      `${saved.size} keys written, ${lost.length} lost`;
    if (lost.length) console.log(lost.slice(0, 10).join("\n"));
    return { name: "load", ok: errors.length === 0 && lost.length === 0 && total > 0, summary };
  } finally {
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function durability(): Outcome {
  const run = spawnSync("npx", ["vitest", "run", "sandbox/tests/durability.test.ts"], {
    env: { ...process.env, DURABILITY_EVENTS: "10000", FORCE_COLOR: "0" },
    encoding: "utf8",
  });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const line = /durability: .*/.exec(run.stdout)?.[0] ?? "no figures (the test did not get that far)";
  return { name: "durability", ok: run.status === 0, summary: line };
}

async function main() {
  const outcomes: Outcome[] = [];
  console.log(`── load: ${CLIENTS} clients for ${SECONDS} s through the portal`);
  outcomes.push(
    await load().catch((error: unknown) => ({ name: "load", ok: false, summary: String(error) })),
  );
  console.log(outcomes.at(-1)!.summary);
  console.log("\n── durability: SIGKILL in a burst of 10,000 events");
  outcomes.push(durability());

  console.log("\n── summary");
  for (const o of outcomes) console.log(`${o.ok ? "ok  " : "FAIL"} ${o.name.padEnd(10)} ${o.summary}`);
  const passed = outcomes.filter((o) => o.ok).length;
  console.log(`${passed} passed, ${outcomes.length - passed} failed`);
  process.exit(passed === outcomes.length ? 0 : 1);
}

void main();
