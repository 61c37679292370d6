/**
 * `npm test`: typecheck, lint, format check, unit tests (vitest), a production build when the
 * sources changed, and the Playwright suite against a fresh sandbox and portals on free ports.
 * Ends with one line, `N passed, N failed`, counting every test that ran.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateApiKey } from "../lib/closient/api-key";
import { freePorts } from "../harness/sandbox-client";
import { BUILD_ARGS, buildIsStale } from "../harness/next-process";

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

// e.g. `npm test -- unit e2e`; `api` is the e2e suite's API project alone (no browser pages).
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const results: StepResult[] = [];
const work = mkdtempSync(join(tmpdir(), "portal-test-"));

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n── ${name}: ${command} ${args.join(" ")}`);
  const child = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", ...env },
  });
  return { ok: child.status === 0, seconds: (Date.now() - started) / 1000 };
}

/** A check that is not a test suite (typecheck, lint): it counts as one test. */
function check(name: string, command: string, args: string[]) {
  if (!wanted(name)) return;
  const { ok, seconds } = run(name, command, args);
  results.push({ name, ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main() {
  check("typecheck", "npx", ["tsc", "--noEmit"]);
  check("lint", "npm", ["run", "--silent", "lint"]);
  check("format", "npx", ["prettier", "--check", "."]);

  if (wanted("unit")) {
    const report = join(work, "vitest.json");
    const { ok, seconds } = run("unit", "npx", [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${report}`,
    ]);
    const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number }>(
      report,
    );
    results.push({
      name: "unit",
      ok: ok && json !== null,
      passed: json?.numPassedTests ?? 0,
      failed: Math.max(json ? json.numFailedTests : 1, ok ? 0 : 1),
      skipped: json?.numPendingTests ?? 0,
      seconds,
    });
  }

  const apiOnly = !wanted("e2e") && wanted("api");
  if (wanted("e2e") || apiOnly) {
    if (buildIsStale()) {
      const build = run("build", "node", [
        join("node_modules", "next", "dist", "bin", "next"),
        ...BUILD_ARGS,
      ]);
      if (!build.ok)
        results.push({ name: "build", ok: false, passed: 0, failed: 1, skipped: 0, seconds: build.seconds });
    }
    if (results.every((r) => r.name !== "build")) {
      const report = join(work, "playwright.json");
      const [
        sandboxPort,
        portalPort,
        downPort,
        stubPortalPort,
        rotatedPort,
        stubPort,
        closedPort,
        driftPortalPort,
        driftPort,
      ] = await freePorts(9);
      const env = {
        E2E_JSON_REPORT: report,
        E2E_DATA_DIR: join(work, "data"),
        E2E_SANDBOX_PORT: String(sandboxPort),
        E2E_PORTAL_PORT: String(portalPort),
        E2E_PORTAL_DOWN_PORT: String(downPort),
        E2E_PORTAL_STUB_PORT: String(stubPortalPort),
        E2E_PORTAL_ROTATED_PORT: String(rotatedPort),
        E2E_STUB_PORT: String(stubPort),
        E2E_CLOSED_PORT: String(closedPort),
        E2E_PORTAL_DRIFT_PORT: String(driftPortalPort),
        E2E_DRIFT_PORT: String(driftPort),
        E2E_KEY_A: generateApiKey("csb"),
        E2E_KEY_B: generateApiKey("csb"),
        E2E_KEY_C: generateApiKey("csb"),
        E2E_KEY_D: generateApiKey("csb"),
        E2E_KEY_ALICE: generateApiKey("csu"),
        E2E_KEY_BOB: generateApiKey("csu"),
        E2E_SESSION_SECRET: randomBytes(32).toString("hex"),
        E2E_SESSION_SECRET_NEW: randomBytes(32).toString("hex"),
        E2E_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      };
      const name = apiOnly ? "e2e (api)" : "e2e";
      const { ok, seconds } = run(
        name,
        "npx",
        ["playwright", "test", ...(apiOnly ? ["--project=api"] : [])],
        env,
      );
      const json = readJson<{
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      }>(report);
      results.push({
        name,
        ok: ok && json !== null,
        passed: json ? json.stats.expected + json.stats.flaky : 0,
        // A run that failed before any test (a server that did not start) is one failure.
        failed: Math.max(json ? json.stats.unexpected : 1, ok ? 0 : 1),
        skipped: json?.stats.skipped ?? 0,
        seconds,
      });
    }
  }

  rmSync(work, { recursive: true, force: true });
  console.log("\n── summary");
  for (const r of results) {
    console.log(
      `${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(1)} s)`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
