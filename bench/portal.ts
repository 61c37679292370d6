/**
 * `npm run bench:portal`: what the portal adds on top of the Closient API, and what it ships to
 * the browser. A benchmark, not a test.
 *
 * - Proxy overhead: autocannon against `GET /api/webhooks/endpoints` through the portal (session
 *   cookie, validation, upstream call, response validation) and against the sandbox directly, in
 *   alternating rounds of one run, so their ratio is measured under the same conditions.
 * - Page weight: the JavaScript each page loads, raw and gzip, read from the production build.
 *
 *   npm run bench:portal -- [--rounds 3] [--seconds 5] [--connections 10]
 */
import autocannon from "autocannon";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { sandboxClient } from "../sandbox/testing/client";
import { weigh } from "../scripts/page-weight";
import { buildAll, startServers } from "./servers";
import { median, option as optionOf } from "./stats";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => optionOf(args, name, fallback);
const ROUNDS = option("rounds", 3);
const SECONDS = option("seconds", 5);
const CONNECTIONS = option("connections", 10);

function load(url: string, headers: Record<string, string>) {
  return new Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number }>(
    (resolve, reject) => {
      autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (error, result) => {
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

async function pageWeight(base: string, path: string, cookie: string) {
  return weigh(await (await fetch(`${base}${path}`, { headers: { cookie } })).text());
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

    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(
      `\nGET a page of 50 endpoints: ${CONNECTIONS} connections, ${SECONDS} s a round, ${ROUNDS} rounds each, alternating`,
    );
    const bare = [];
    const direct = [];
    const proxied = [];
    for (let r = 0; r < ROUNDS; r++) {
      bare.push(await load(`${bareUrl}/api/ping`, {}));
      direct.push(await load(`${sandboxUrl}/integrations/api/v1/webhooks/endpoints/`, { "X-API-Key": key }));
      proxied.push(await load(`${portalUrl}/api/webhooks/endpoints`, { cookie }));
    }
    for (const [name, rounds] of [
      ["bare Next route", bare],
      ["sandbox directly", direct],
      ["through the portal", proxied],
    ] as const) {
      console.log(
        `  ${name.padEnd(20)} ${median(rounds.map((x) => x.rps)).toFixed(0)} req/s, p50 ${median(rounds.map((x) => x.p50))} ms, p99 ${median(rounds.map((x) => x.p99))} ms; errors ${rounds.reduce((n, x) => n + x.errors, 0)}, non-2xx ${rounds.reduce((n, x) => n + x.non2xx, 0)}`,
      );
    }
    const rps = (rounds: { rps: number }[]) => median(rounds.map((x) => x.rps));
    console.log(
      `  ratios: the portal serves ${(rps(proxied) / rps(bare)).toFixed(2)}× a bare Next route's rate, ${(rps(proxied) / rps(direct)).toFixed(2)}× the sandbox's direct rate`,
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
