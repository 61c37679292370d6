/**
 * `npm run bench:scale`: the portal's pages and routes over a large organization, 10,000
 * endpoints and 1,000,000 deliveries in the sandbox (the database bench:sandbox seeds), one
 * request at a time. The time is the whole HTTP exchange with the portal on loopback, which is
 * its server time plus microseconds; medians of 20 requests after 5 warm-up ones. The failure
 * summary and diagnosis are read afresh on every request (DIAGNOSIS_CACHE_MS=0), so each page's
 * time includes them, and the calls each page view makes to Closient are counted by the sandbox.
 *
 *   npm run bench:scale -- [--db path/to/seeded.db]   (seeding takes ~3 minutes; a kept file skips it)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateApiKey } from "../lib/closient/api-key";
import { API_BASE } from "../lib/closient/paths";
import { seedLargeOrganization } from "../harness/seed-large";
import { machine, markdownTable, writeSection } from "../harness/report";
import { buildAll, startServers } from "../harness/servers";
import { median, percentile } from "../harness/stats";

const args = process.argv.slice(2);
const dbArg = args.includes("--db") ? args[args.indexOf("--db") + 1] : undefined;

async function main() {
  await buildAll();
  const dir = mkdtempSync(join(tmpdir(), "scale-bench-"));
  const path = dbArg ?? join(dir, "scale.db");
  const keyFile = `${path}.key`;
  const stops: (() => Promise<void>)[] = [];
  try {
    let key: string;
    let firstEndpoint: string;
    if (dbArg && existsSync(dbArg) && existsSync(keyFile)) {
      [key, firstEndpoint] = readFileSync(keyFile, "utf8").trim().split("\n") as [string, string];
    } else {
      key = generateApiKey("csb");
      const started = performance.now();
      const { endpointIds } = seedLargeOrganization(path, key);
      firstEndpoint = endpointIds[1234]!;
      console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (dbArg) writeFileSync(keyFile, `${key}\n${firstEndpoint}\n`);
    }
    const servers = await startServers({ db: path, key, portalEnv: { DIAGNOSIS_CACHE_MS: "0" } });
    stops.push(servers.stop);
    const { portal, cookie } = servers;
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    // The endpoint of the newest dead letter: its page reads a failing endpoint's diagnosis.
    const dead = (await (
      await fetch(`${servers.sandbox}${API_BASE}/webhooks/deliveries/?status=dead_letter&page_size=1`, {
        headers: { "X-API-Key": key },
      })
    ).json()) as { data: { endpoint_id: string }[] };
    const failing = dead.data[0]!.endpoint_id;
    const cases: [string, string][] = [
      ["page: endpoints, first page", "/webhooks"],
      ["page: endpoints, last page (200)", "/webhooks?page=200"],
      ["page: an endpoint", `/webhooks/${firstEndpoint}`],
      ["page: a failing endpoint", `/webhooks/${failing}`],
      ["page: deliveries, unfiltered", "/deliveries"],
      ["page: deliveries, status=dead_letter", "/deliveries?status=dead_letter"],
      ["page: deliveries, endpoint_id", `/deliveries?endpoint_id=${firstEndpoint}`],
      ["page: deliveries, one day", `/deliveries?created_after=${day(3)}&created_before=${day(2)}`],
      ["route: GET /api/webhooks/endpoints", "/api/webhooks/endpoints"],
      ["route: GET /api/webhooks/deliveries", "/api/webhooks/deliveries"],
    ];
    console.log(`machine: ${machine()}\n`);
    const rows: string[][] = [];
    // Authenticated API calls the sandbox has served: the difference is what one view cost.
    const served = async () =>
      ((await (await fetch(`${servers.sandbox}/_sandbox/health`)).json()) as { requests_served: number })
        .requests_served;
    for (const [name, url] of cases) {
      const before = await served();
      await (await fetch(`${portal}${url}`, { headers: { cookie } })).arrayBuffer();
      const calls = (await served()) - before;
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        const t0 = performance.now();
        const res = await fetch(`${portal}${url}`, { headers: { cookie } });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      }
      const timed = times.slice(5);
      const row = [
        name,
        `${median(timed).toFixed(1)} ms`,
        `${percentile(timed, 99).toFixed(1)} ms`,
        String(calls),
      ];
      rows.push(row);
      console.log(`  ${row.join("  ")}`);
    }
    writeSection(
      "scale",
      "npm run bench:scale",
      [
        "Aim: every page under 100 ms median, with the failure summary (the endpoint list) and the diagnosis (an endpoint's page) read afresh each time (`DIAGNOSIS_CACHE_MS=0`). \"Closient calls\" is what one view asked the sandbox, counted by the sandbox; the endpoint directory's lists, kept a minute, are among the first view's.",
        "",
        markdownTable(["through the portal, 1 connection", "median", "p99", "Closient calls"], rows),
      ].join("\n"),
    );
  } finally {
    for (const stop of stops) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
