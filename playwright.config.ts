import { defineConfig, devices } from "@playwright/test";
import { join } from "node:path";
import { e2e, portalUrl, sandboxKeys, sandboxUrl, serverLogs } from "./e2e/support/env";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./harness/chromium";
import { PORTAL_SERVER_ARGS } from "./harness/next-process";

/** The portal as `npm start` serves it: its own server in front of Next (server.ts). */
const PORTAL = `node ${PORTAL_SERVER_ARGS.join(" ")}`;

/** Runs `command` with its stdout and stderr appended to `log` (the leak scan reads them). */
const logged = (command: string, log: string) =>
  `mkdir -p ${JSON.stringify(e2e.dataDir)} && exec ${command} >> ${JSON.stringify(log)} 2>&1`;

/** A production portal on `port`; all share one SESSION_SECRET, so one cookie opens each. */
const portal = (port: number, env: Record<string, string> = {}, log?: string) => ({
  command: log ? logged(PORTAL, log) : PORTAL,
  url: `${portalUrl(port)}/sign-in`,
  env: {
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    SESSION_SECRET: e2e.sessionSecret,
    PORTAL_ENCRYPTION_KEY: e2e.encryptionKey,
    // The address its users reach it at: the links it makes (notices, access links) point there.
    PORTAL_URL: portalUrl(port),
    SANDBOX_PORT: String(e2e.sandboxPort),
    CLOSIENT_SANDBOX_API_KEYS: sandboxKeys,
    // Each portal its own store, in the suite's data folder (the main one's is e2e.storeFile).
    DATABASE_URL: `file:${join(e2e.dataDir, `portal-${port}.db`)}`,
    UPSTREAM_TIMEOUT_MS: String(e2e.upstreamTimeoutMs),
    UPSTREAM_SLOW_TIMEOUT_MS: "15000",
    ...env,
  },
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "./e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // two cores: one browser beside the servers
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.E2E_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL: portalUrl(),
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium by default (no browser downloads here), else Playwright's own.
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    { name: "ui", testIgnore: "api/**", use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: [
    {
      command: logged("node --import tsx sandbox/main.ts", serverLogs.sandbox),
      url: `${sandboxUrl}/_sandbox/health`,
      env: {
        SANDBOX_PORT: String(e2e.sandboxPort),
        SANDBOX_DB: join(e2e.dataDir, "sandbox.db"),
        CLOSIENT_SANDBOX_API_KEYS: sandboxKeys,
        // Retries in microseconds: a failing receiver reaches dead_letter within a second.
        SANDBOX_TIME_SCALE: "0.00001",
        // A receiver slower than this gets no answer in time (e2e/why-it-fails.spec.ts); the
        // slowest the suite means to be answered is 4 s (e2e/recovery.spec.ts, auto-refresh).
        SANDBOX_ATTEMPT_TIMEOUT_MS: String(e2e.attemptTimeoutMs),
        SANDBOX_RATE_LIMIT_PER_MINUTE: "100000",
        SANDBOX_RATE_LIMIT_PER_DAY: "10000000",
      },
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    portal(e2e.portalPort, {}, serverLogs.portal),
    // The same portal with its upstream switched off.
    portal(e2e.portalDownPort, { CLOSIENT_API_URL: `http://127.0.0.1:${e2e.closedPort}` }),
    {
      command: `node --import tsx e2e/support/stub-upstream.ts ${e2e.stubPort}`,
      port: e2e.stubPort,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    // The same portal on the stub upstream: it hangs, revokes the key, or answers garbage.
    portal(e2e.portalStubPort, { CLOSIENT_API_URL: `http://127.0.0.1:${e2e.stubPort}` }),
    {
      command: `node --import tsx e2e/support/drifted-upstream.ts ${e2e.driftPort}`,
      port: e2e.driftPort,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    // The same portal on a Closient that has moved on: nulls, new values and fields, bad rows.
    portal(e2e.portalDriftPort, { CLOSIENT_API_URL: `http://127.0.0.1:${e2e.driftPort}` }, serverLogs.drift),
    // A second instance on the sandbox whose SESSION_SECRET was rotated: the suite's is its previous.
    portal(e2e.portalRotatedPort, {
      SESSION_SECRET: e2e.rotatedSessionSecret,
      SESSION_SECRET_PREVIOUS: e2e.sessionSecret,
    }),
  ],
});
