/**
 * `npm run bench:sandbox`: the sandbox's delivery throughput and emit-to-receipt latency, and its
 * list latency at 10,000 endpoints and 1,000,000 deliveries. A benchmark, not a test: it prints
 * its figures (medians of repeated rounds) and writes them into BENCHMARKS.md.
 *
 *   npm run bench:sandbox -- [--events 2000] [--receivers 4] [--rounds 3] [--skip-lists]
 */
import type { ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateApiKey } from "../lib/closient";
import { seedLargeOrganization } from "../harness/seed-large";
import { freePort, sandboxClient } from "../harness/sandbox-client";
import { spawnSandbox, stopProcess } from "../harness/sandbox-process";
import { WebhookReceiver } from "../harness/receiver";
import { machine, markdownTable, writeSection } from "../harness/report";
import { median, option as optionOf, percentile } from "../harness/stats";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => optionOf(args, name, fallback);
const EVENTS = option("events", 2000);
const RECEIVERS = option("receivers", 4);
const ROUNDS = option("rounds", 3);
const EMIT_CONCURRENCY = 16;
const PACED_EVENTS = 300;

async function startSandbox(db: string, key: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = await spawnSandbox({
    SANDBOX_PORT: String(port),
    SANDBOX_DB: db,
    CLOSIENT_SANDBOX_API_KEYS: key,
    SANDBOX_RATE_LIMIT_PER_MINUTE: "100000000",
    SANDBOX_RATE_LIMIT_PER_DAY: "100000000",
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/**
 * N events to M receivers: deliveries per second with 16 emitters pushing as fast as they can
 * (emit-to-receipt then includes the queue), and, with `paced`, one event at a time (the latency
 * of a delivery on an idle sandbox).
 */
async function deliveryRound(dir: string, round: number, paced = false) {
  const key = generateApiKey("csb");
  const { child, url } = await startSandbox(join(dir, `deliveries-${round}.db`), key);
  const api = sandboxClient(url, key);
  const receivers = await Promise.all(Array.from({ length: RECEIVERS }, () => WebhookReceiver.start()));
  for (const receiver of receivers) {
    await api.post("webhooks/endpoints/", { url: receiver.url, event_types: ["bench.tick"] });
  }
  const emittedAt = new Map<string, number>();
  const started = performance.now();
  let next = 0;
  const events = paced ? PACED_EVENTS : EVENTS;
  await Promise.all(
    Array.from({ length: paced ? 1 : EMIT_CONCURRENCY }, async () => {
      while (next < events) {
        next++;
        const before = performance.now();
        const res = await api.post<{ event_id: string }>("/_sandbox/events", {
          type: "bench.tick",
          data: {},
        });
        emittedAt.set(res.body.event_id, before);
        if (paced) await Promise.all(receivers.map((r) => r.waitFor(next)));
      }
    }),
  );
  const emitSeconds = (performance.now() - started) / 1000;
  const total = events * RECEIVERS;
  await Promise.all(receivers.map((r) => r.waitFor(events, 120_000)));
  const seconds = (performance.now() - started) / 1000;
  // The receivers stamp Date.now(); convert the emit times to the same clock.
  const offset = Date.now() - performance.now();
  const latencies = receivers.flatMap((r) =>
    r.received.map((w) => w.receivedAt - (emittedAt.get(w.event.id)! + offset)),
  );
  await Promise.all(receivers.map((r) => r.close()));
  await stopProcess(child);
  return {
    deliveries: total,
    seconds,
    perSecond: total / seconds,
    emitSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function listLatencies(dir: string) {
  const key = generateApiKey("csb");
  const path = join(dir, "lists.db");
  const started = performance.now();
  const { endpointIds, now } = seedLargeOrganization(path, key);
  const seedSeconds = (performance.now() - started) / 1000;
  const { child, url } = await startSandbox(path, key);
  const api = sandboxClient(url, key);
  const endpoint = endpointIds[1234]!;
  const day = (n: number) => new Date(now - n * 86_400_000).toISOString();
  const cases: [string, string][] = [
    ["endpoints, page 1 of 200", "webhooks/endpoints/"],
    ["endpoints, page 150", "webhooks/endpoints/?page=150"],
    ["endpoints, metadata[team]=team-7", "webhooks/endpoints/?metadata[team]=team-7"],
    [
      "endpoints, metadata[team] AND metadata[env]",
      "webhooks/endpoints/?metadata[team]=team-7&metadata[env]=prod",
    ],
    ["deliveries, unfiltered", "webhooks/deliveries/"],
    ["deliveries, status=dead_letter", "webhooks/deliveries/?status=dead_letter"],
    ["deliveries, endpoint_id", `webhooks/deliveries/?endpoint_id=${endpoint}`],
    ["deliveries, event_type=product.recalled", "webhooks/deliveries/?event_type=product.recalled"],
    [
      "deliveries, created in one day",
      `webhooks/deliveries/?created_after=${day(3)}&created_before=${day(2)}`,
    ],
    ["deliveries, status + event_type", "webhooks/deliveries/?status=failed&event_type=offer.updated"],
    ["deliveries, page 1000 of 20000", "webhooks/deliveries/?page=1000"],
  ];
  const rows: { name: string; median: number; p99: number; total: number }[] = [];
  for (const [name, path] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const res = await api.get<{ pagination: { total_count: number } }>(path);
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      total = res.body.pagination.total_count;
    }
    rows.push({ name, median: median(times.slice(5)), p99: percentile(times.slice(5), 99), total });
  }
  await stopProcess(child);
  return { seedSeconds, rows };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  console.log(`machine: ${machine()}`);
  try {
    console.log(`\ndelivery: ${EVENTS} events × ${RECEIVERS} receivers, ${ROUNDS} rounds`);
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const result = await deliveryRound(dir, r);
      rounds.push(result);
      console.log(
        `  round ${r + 1}: ${result.deliveries} deliveries in ${result.seconds.toFixed(2)} s = ${result.perSecond.toFixed(0)}/s; emit-to-receipt p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms`,
      );
    }
    const perSecond = median(rounds.map((r) => r.perSecond));
    console.log(`  median: ${perSecond.toFixed(0)} deliveries/s`);
    const paced = [];
    for (let r = 0; r < ROUNDS; r++) paced.push(await deliveryRound(dir, ROUNDS + r, true));
    const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms`;
    const sections = [
      `${RECEIVERS} real receivers on loopback; the sandbox, the receivers and the emitters share the machine. Medians of ${ROUNDS} rounds.`,
      "",
      markdownTable(
        ["delivery", `median of ${ROUNDS} rounds`, "rounds"],
        [
          [
            `deliveries per second (${EVENTS.toLocaleString("en-US")} events × ${RECEIVERS} receivers)`,
            `**${Math.round(perSecond).toLocaleString("en-US")}/s**`,
            rounds.map((r) => Math.round(r.perSecond).toLocaleString("en-US")).join(" · "),
          ],
          [
            "emit-to-receipt under that load, p50 / p99",
            `${ms(rounds.map((r) => r.p50))} / ${ms(rounds.map((r) => r.p99))}`,
            "(queueing: the emitters outpace the worker)",
          ],
          [
            `emit-to-receipt, one event at a time (${PACED_EVENTS} events), p50 / p99`,
            `**${ms(paced.map((r) => r.p50))} / ${ms(paced.map((r) => r.p99))}**`,
            "",
          ],
        ],
      ),
    ];
    if (!args.includes("--skip-lists")) {
      console.log(
        "\nlists at 10,000 endpoints and 1,000,000 deliveries (20 timed requests each, after 5 warm-up)",
      );
      const { seedSeconds, rows } = await listLatencies(dir);
      console.log(`  seeded in ${seedSeconds.toFixed(1)} s`);
      sections.push(
        "",
        markdownTable(
          ["list at 10,000 endpoints and 1,000,000 deliveries", "total_count", "median", "p99"],
          rows.map((row) => [
            row.name,
            row.total.toLocaleString("en-US"),
            `${row.median.toFixed(1)} ms`,
            `${row.p99.toFixed(1)} ms`,
          ]),
        ),
      );
    }
    const body = sections.join("\n");
    console.log(`\n${body}`);
    writeSection("sandbox", `npm run bench:sandbox -- --rounds ${ROUNDS}`, body);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
