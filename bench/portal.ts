/**
 * `npm run bench:portal`: what the portal adds on top of the Closient API, and what it ships to
 * the browser. A benchmark, not a test.
 *
 * - Proxy overhead: autocannon against `GET /api/webhooks/endpoints` through the portal (session
 *   cookie, validation, upstream call, response validation) and against the sandbox directly, in
 *   alternating rounds of one run, so their ratio is measured under the same conditions.
 * - Page weight: the JavaScript each page loads, raw and gzip, read from the production build.
 *
 * - The floor: a bare Next route (`bench/bare`, `/api/ping`) and a bare relay (`/api/relay`: the
 *   same app passing the sandbox's list through, no session and no validation), measured in the
 *   same run; ratios and the 1-connection overhead are taken against them.
 *
 *   npm run bench:portal -- [--rounds 3] [--seconds 5] [--connections 10] [--warmup 15] [--sequential 500]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { API_BASE } from "../lib/closient/paths";
import { sandboxClient } from "../harness/sandbox-client";
import { weigh } from "../harness/page-weight";
import { machine, markdownTable, writeSection } from "../harness/report";
import { buildAll, startServers } from "../harness/servers";
import { median, option as optionOf } from "../harness/stats";
import { toolModule } from "../harness/tools";
import type Autocannon from "autocannon";

/** autocannon lives in tools/ (harness/tools.ts); its types come from @types/autocannon. */
const autocannon = toolModule<typeof Autocannon>("autocannon");

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => optionOf(args, name, fallback);
const ROUNDS = option("rounds", 3);
const SECONDS = option("seconds", 5);
const CONNECTIONS = option("connections", 10);
const WARMUP = option("warmup", 15);

function load(url: string, headers: Record<string, string>, duration = SECONDS) {
  return new Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number }>(
    (resolve, reject) => {
      autocannon({ url, headers, connections: CONNECTIONS, duration }, (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
        });
      });
    },
  );
}

const SEQUENTIAL = option("sequential", 500);
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 1 });

/** The median time of `SEQUENTIAL` requests sent one after another on one kept-alive connection. */
async function sequential(url: string, headers: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const start = performance.now();
    const res = await request(url, { headers, dispatcher: agent });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The sign-in page as a signed-out visitor gets it (signed in, it sends the admin on). */
async function pageWeight(base: string, path: string, cookie: string) {
  const headers: Record<string, string> = path === "/sign-in" ? {} : { cookie };
  return weigh(await (await fetch(`${base}${path}`, { headers })).text());
}

async function main() {
  await buildAll();
  const dir = mkdtempSync(join(tmpdir(), "portal-bench-"));
  const servers = await startServers({ db: join(dir, "sandbox.db"), bare: true });
  const { key, cookie } = servers;
  const [sandboxUrl, portalUrl, bareUrl] = [servers.sandbox, servers.portal, servers.bare!];
  try {
    const api = sandboxClient(sandboxUrl, key);
    for (let i = 0; i < 50; i++) {
      await api.post("webhooks/endpoints/", {
        url: `https://r${i}.example/hook`,
        event_types: ["offer.updated", "product.recalled"],
        metadata: { team: `t${i % 5}` },
      });
    }

    console.log(`machine: ${machine()}`);
    const targets: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: "bare Next route", url: `${bareUrl}/api/ping`, headers: {} },
      { name: "bare relay", url: `${bareUrl}/api/relay`, headers: {} },
      {
        name: "sandbox directly",
        url: `${sandboxUrl}${API_BASE}/webhooks/endpoints/`,
        headers: { "X-API-Key": key },
      },
      { name: "through the portal", url: `${portalUrl}/api/webhooks/endpoints`, headers: { cookie } },
    ];
    // Unmeasured warm-up: the first seconds of each server are JIT compilation, not its speed.
    // The portal's route needs longer under load to level off than the bare route (BENCHMARKS.md).
    for (const t of targets) await load(t.url, t.headers, WARMUP);

    console.log(
      `\nGET a page of 50 endpoints: ${CONNECTIONS} connections, ${SECONDS} s a round, ${ROUNDS} rounds each, alternating`,
    );
    const rounds = targets.map(() => [] as Awaited<ReturnType<typeof load>>[]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, t] of targets.entries()) rounds[i]!.push(await load(t.url, t.headers));
    }
    const rps = (i: number) => median(rounds[i]!.map((x) => x.rps));
    for (const [i, t] of targets.entries()) {
      const rs = rounds[i]!;
      console.log(
        `  ${t.name.padEnd(20)} ${rps(i).toFixed(0)} req/s (${rs.map((x) => x.rps.toFixed(0)).join(" · ")}); errors ${rs.reduce((n, x) => n + x.errors, 0)}, non-2xx ${rs.reduce((n, x) => n + x.non2xx, 0)}`,
      );
    }

    console.log(
      `\nThe same at 1 connection: ${SEQUENTIAL} requests one after another, ${ROUNDS} rounds, median of each round`,
    );
    const medians = targets.map(() => [] as number[]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, t] of targets.entries()) medians[i]!.push(await sequential(t.url, t.headers));
    }
    const at1 = medians.map((m) => median(m));
    for (const [i, t] of targets.entries()) {
      console.log(
        `  ${t.name.padEnd(20)} ${at1[i]!.toFixed(2)} ms (${medians[i]!.map((m) => m.toFixed(2)).join(" · ")})`,
      );
    }

    const [bareRoute, bareRelay, direct, portal] = [0, 1, 2, 3];
    const added = (i: number) => at1[i]! - at1[bareRoute]! - at1[direct]!;
    const table = markdownTable(
      [
        `GET a page of 50 endpoints`,
        `req/s at ${CONNECTIONS} connections (rounds)`,
        "× bare route",
        "p50 / p99",
        "1 connection, median",
      ],
      targets.map((t, i) => [
        t.name,
        `${rps(i).toFixed(0)} (${rounds[i]!.map((x) => x.rps.toFixed(0)).join(" · ")})`,
        i === bareRoute ? "1.00× (floor)" : `${(rps(i) / rps(bareRoute)).toFixed(2)}×`,
        `${median(rounds[i]!.map((x) => x.p50))} ms / ${median(rounds[i]!.map((x) => x.p99))} ms`,
        `${at1[i]!.toFixed(2)} ms`,
      ]),
    );
    const verdict = [
      `- The portal serves **${(rps(portal) / rps(bareRoute)).toFixed(2)}× the bare route's rate** (aim: at least 0.5×); the bare relay ${(rps(bareRelay) / rps(bareRoute)).toFixed(2)}×.`,
      `- At 1 connection the portal **adds ${added(portal).toFixed(2)} ms** to the median over (bare route + sandbox direct) (aim: at most 2 ms); the bare relay adds ${added(bareRelay).toFixed(2)} ms.`,
    ].join("\n");
    console.log(`\n${table}\n\n${verdict}`);
    writeSection(
      "portal",
      `npm run bench:portal -- --rounds ${ROUNDS} --seconds ${SECONDS}`,
      [
        `${ROUNDS} alternating rounds of ${SECONDS} s at ${CONNECTIONS} connections after ${WARMUP} s of warm-up each; req/s is the median round. 1 connection: ${SEQUENTIAL} requests one after another, the median of the rounds' medians.`,
        "",
        table,
        "",
        verdict,
      ].join("\n"),
    );

    console.log("\nJavaScript each page loads (production build)");
    const id = (await api.get<{ data: { id: string }[] }>("webhooks/endpoints/")).body.data[0]!.id;
    for (const path of ["/sign-in", "/webhooks", "/webhooks/new", `/webhooks/${id}`, "/deliveries"]) {
      const w = await pageWeight(portalUrl, path, cookie);
      console.log(
        `  ${path.replace(id, "{id}").padEnd(16)} ${w.scripts} scripts, ${(w.raw / 1024).toFixed(1)} KiB raw, ${(w.gzip / 1024).toFixed(1)} KiB gzip`,
      );
    }
  } finally {
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
