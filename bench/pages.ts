/**
 * `npm run bench:pages`: the portal's pages on Lighthouse's mobile preset against the framework's
 * own floor, a bare Next.js app (bench/bare: one dynamic page, same Next and React, same
 * node_modules and the same bundler), measured in the same run, plus each page's JavaScript.
 * A benchmark, not a test: it prints a table and writes it into BENCHMARKS.md.
 *
 *   npm run bench:pages -- [--runs 3] [--cpu 4] [--cold] [--twenty failing|healthy]
 *                          [--only "endpoint page"] [--reports DIR]
 *
 * `--twenty` adds to the night's data a second organization of 20 plain endpoints (short URLs, two
 * event types and two metadata keys each), all failing or none, and measures the endpoints list
 * of that organization too: the shape an admin's first weeks have.
 *
 * `--cold` starts a fresh Chrome, with a new empty profile, for every page load, as a phone's first
 * visit is: no HTTP cache, no compiled code, no fonts looked up before. Without it one Chrome serves
 * every run, and its warm caches hide part of a page's cost.
 *
 * `--only` measures the bare page and the named pages (comma-separated) and writes nothing into
 * BENCHMARKS.md; `--reports` keeps each run's Lighthouse report as JSON, to read why a page scores
 * what it does (its LCP element, its long tasks, the requests Lantern put on the critical path).
 *
 * Each run loads every page once, in turn, so the pages share the machine's moments of noise;
 * the figures are medians over the runs. The portal runs on a fresh sandbox with a night's real
 * data (harness/seed-outage.ts: 24 endpoints with metadata, 70-odd deliveries, a proxy's
 * 256-character HTML 503 pages, a 2,048-character URL), signed in by its session cookie.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { generateApiKey } from "../lib/closient/api-key";
import { WebhookReceiver } from "../harness/receiver";
import { sandboxClient } from "../harness/sandbox-client";
import { allDeliveries, seedOutage } from "../harness/seed-outage";
import { budgetFor, kib, weigh } from "../harness/page-weight";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../harness/chromium";
import { markdownTable, writeSection } from "../harness/report";
import { BARE_APP, buildAll, startServers } from "../harness/servers";
import { median, option } from "../harness/stats";
import { toolModule, toolPath } from "../harness/tools";

/** Lighthouse's own Chrome launcher, from tools/ (harness/tools.ts): the part of it used here. */
const chromeLauncher = toolModule<{
  launch(options: { chromePath?: string; chromeFlags: string[] }): Promise<{ port: number; kill(): void }>;
}>("chrome-launcher");

const RUNS = option(process.argv.slice(2), "runs", 3);
/**
 * The CPU slowdown Lighthouse simulates: 4 in its mobile preset. A larger one stands for a slower
 * phone (or this machine on a busy day); its table goes into its own block of BENCHMARKS.md.
 */
const CPU = option(process.argv.slice(2), "cpu", 4);
const PRESET_CPU = CPU === 4;
const ARGS = process.argv.slice(2);
const text = (name: string) => (ARGS.includes(`--${name}`) ? ARGS[ARGS.indexOf(`--${name}`) + 1] : undefined);
const ONLY = text("only")
  ?.split(",")
  .map((name) => name.trim());
const REPORTS = text("reports");
const COLD = ARGS.includes("--cold");
const TWENTY = text("twenty") as "failing" | "healthy" | undefined;
const LIGHTHOUSE = toolPath("lighthouse", "cli", "index.js");
const run = promisify(execFile);

interface Sample {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  js: number;
}

/**
 * One Lighthouse run through its own CLI, attached to the Chrome we launched. (Its Node API run
 * from tsx fails: the functions it sends into the page carry esbuild's `__name` helper.)
 */
async function audit(port: number, url: string, cookie?: string, report?: string): Promise<Sample> {
  const args = [
    LIGHTHOUSE,
    url,
    `--port=${port}`,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance",
    "--quiet",
    ...(PRESET_CPU ? [] : [`--throttling.cpuSlowdownMultiplier=${CPU}`]),
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  // Lighthouse now and then fails to record a trace (NO_NAVSTART) and says to run it again: once.
  const once = () => run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const { stdout } = await once().catch(once);
  if (report) writeFileSync(report, stdout);
  const lhr = JSON.parse(stdout) as {
    categories: { performance?: { score: number | null } };
    audits: Record<
      string,
      { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }
    >;
  };
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = lhr.audits["network-requests"]?.details?.items ?? [];
  const js = requests
    .filter((r) => r.resourceType === "Script")
    .reduce((n, r) => n + (r.transferSize ?? 0), 0);
  return {
    score: lhr.categories.performance?.score ?? NaN,
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    js,
  };
}

/**
 * 20 endpoints as an admin's first weeks have them (short URLs, two event types, two metadata
 * keys), each with a delivery: all failing (a receiver answering 500) or none; signed in.
 */
async function seedTwenty(sandbox: string, portal: string, key: string, kind: "failing" | "healthy") {
  const receiver = await WebhookReceiver.start("/hooks");
  receiver.respond = () => (kind === "failing" ? { status: 500, body: "down" } : { status: 200, body: "ok" });
  const api = sandboxClient(sandbox, key);
  for (let i = 0; i < 20; i++) {
    const res = await api.post("webhooks/endpoints/", {
      url: `${receiver.url}/${i}`,
      description: `Receiver ${i + 1}`,
      event_types: ["offer.updated", "product.recalled"],
      metadata: { team: `team-${i % 4}`, env: i % 2 ? "production" : "staging" },
    });
    if (res.status !== 201) throw new Error(`seeding endpoint ${i}: ${res.status}`);
  }
  for (let n = 0; n < 3; n++) await api.post("/_sandbox/events", { type: "offer.updated", data: { n } });
  const signIn = await fetch(`${portal}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: portal },
    body: JSON.stringify({ api_key: key }),
  });
  const cookie = signIn.headers.getSetCookie()[0]!.split(";")[0]!;
  return { cookie, close: () => receiver.close() };
}

async function main() {
  await buildAll();
  const dir = mkdtempSync(join(tmpdir(), "pages-bench-"));
  // The sandbox retries fast, so the failing receivers' deliveries are dead letters by the first run.
  const twentyKey = generateApiKey("csb");
  const servers = await startServers({
    db: join(dir, "sandbox.db"),
    bare: true,
    timeScale: 0.00001,
    ...(TWENTY ? { extraKeys: [twentyKey] } : {}),
  });
  const { key, cookie, portal } = servers;
  const bare = servers.bare!;
  // chrome-launcher gives each Chrome a new temporary profile.
  const launch = () =>
    chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
  const chrome = await launch();
  let stopOutage = async () => {};
  try {
    const outage = await seedOutage(servers.sandbox, key);
    stopOutage = outage.close;
    // The failing endpoint at the long URL: its page leads with five failures, each with Replay.
    const id = outage.longUrlId;
    const [dead] = await allDeliveries(
      sandboxClient(servers.sandbox, key),
      `&status=dead_letter&endpoint_id=${id}`,
    );
    const deadLetter = `${dead!.id}?endpoint_id=${id}&at=${encodeURIComponent(dead!.created_at)}`;
    const twenty = TWENTY ? await seedTwenty(servers.sandbox, servers.portal, twentyKey, TWENTY) : null;
    if (twenty) stopOutage = async () => void (await Promise.all([outage.close(), twenty.close()]));

    const all: { name: string; url: string; cookie?: string; route?: string }[] = [
      { name: "bare Next.js page", url: `${bare}/` },
      // The same page with the portal's response headers: what they cost, apart from the code.
      { name: "bare page + portal headers", url: `${bare}/isolated` },
      { name: "sign-in", url: `${portal}/sign-in`, route: "/sign-in" },
      { name: "endpoints list", url: `${portal}/webhooks`, cookie, route: "/webhooks" },
      ...(twenty
        ? [
            {
              name: `endpoints list (20 ${TWENTY})`,
              url: `${portal}/webhooks`,
              cookie: twenty.cookie,
              route: "/webhooks",
            },
          ]
        : []),
      { name: "endpoint page", url: `${portal}/webhooks/${id}`, cookie, route: "/webhooks/[endpointId]" },
      { name: "add endpoint", url: `${portal}/webhooks/new`, cookie, route: "/webhooks/new" },
      { name: "deliveries", url: `${portal}/deliveries`, cookie, route: "/deliveries" },
      {
        name: "a delivery",
        url: `${portal}/deliveries/${deadLetter}`,
        cookie,
        route: "/deliveries/[deliveryId]",
      },
      { name: "verify a signature", url: `${portal}/verify?endpoint=${id}`, cookie, route: "/verify" },
      { name: "activity", url: `${portal}/activity`, cookie, route: "/activity" },
      { name: "alerts", url: `${portal}/alerts`, cookie, route: "/alerts" },
      { name: "access", url: `${portal}/access`, cookie, route: "/access" },
    ];
    const pages = ONLY ? all.filter((p) => p.name === "bare Next.js page" || ONLY.includes(p.name)) : all;
    if (REPORTS) mkdirSync(REPORTS, { recursive: true });
    const samples = new Map<string, Sample[]>(pages.map((p) => [p.name, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const page of pages) {
        const report = REPORTS && join(REPORTS, `${page.name.replace(/\W+/g, "-")}-${run}.json`);
        const fresh = COLD ? await launch() : chrome;
        const sample = await audit(fresh.port, page.url, page.cookie, report).finally(() => {
          if (fresh !== chrome) fresh.kill();
        });
        samples.get(page.name)!.push(sample);
        console.log(
          `run ${run} ${page.name}: score ${sample.score.toFixed(2)}, TBT ${sample.tbt.toFixed(0)} ms`,
        );
      }
    }

    const weights = new Map<string, number>();
    for (const page of pages) {
      if (!page.route) {
        weights.set(page.name, weigh(await (await fetch(page.url)).text(), join(BARE_APP, ".next")).gzip);
        continue;
      }
      const html = await (
        await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {} })
      ).text();
      weights.set(page.name, weigh(html).gzip);
    }

    const med = (name: string, pick: (s: Sample) => number) => median(samples.get(name)!.map(pick));
    const floor = med("bare Next.js page", (s) => s.score);
    const headersFloor = samples.has("bare page + portal headers")
      ? med("bare page + portal headers", (s) => s.score)
      : NaN;
    const rows = pages.map((page) => {
      const score = med(page.name, (s) => s.score);
      return [
        page.name,
        score.toFixed(2),
        page.name === "bare Next.js page" ? "1.00× (floor)" : `${(score / floor).toFixed(2)}×`,
        page.route ? `${(score / headersFloor).toFixed(2)}×` : "",
        `${(med(page.name, (s) => s.fcp) / 1000).toFixed(2)} s`,
        `${(med(page.name, (s) => s.lcp) / 1000).toFixed(2)} s`,
        `${med(page.name, (s) => s.tbt).toFixed(0)} ms`,
        med(page.name, (s) => s.cls).toFixed(3),
        `${kib(weights.get(page.name)!)} KiB${page.route ? ` / ${budgetFor(page.route)}` : ""}`,
      ];
    });
    const header = [
      "page",
      "score",
      "× bare",
      "× bare + headers",
      "FCP",
      "LCP",
      "TBT",
      "CLS",
      "JS gzip / budget",
    ];
    const table = markdownTable(header, rows);
    console.log(`\n${table}`);
    if (ONLY) return;
    writeSection(
      `pages${PRESET_CPU ? "" : `-cpu${CPU}`}${COLD ? "-cold" : ""}`,
      `npm run bench:pages -- --runs ${RUNS}${PRESET_CPU ? "" : ` --cpu ${CPU}`}${COLD ? " --cold" : ""}`,
      [
        `Lighthouse 12.8.2 mobile preset (simulated throttling${PRESET_CPU ? "" : `, the CPU slowed ${CPU}× instead of 4×`}) on Debian Chromium${COLD ? ", a fresh Chrome with an empty profile for every page load (a first visit)" : ", one Chrome for every run"}. Medians of ${RUNS} runs, on a night's data (harness/seed-outage.ts: 24 endpoints, 70-odd deliveries with dead letters, 256-character HTML error bodies, a 2,048-character URL); "× bare" is the page's median score over the bare page's median score in the same run, and "× bare + headers" over the same bare page served with the portal's response headers.`,
        "",
        table,
      ].join("\n"),
    );
  } finally {
    await stopOutage();
    chrome.kill();
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
