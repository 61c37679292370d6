import { crc32Hex } from "../../lib/closient/api-key";

/**
 * Where the suite's servers are. `npm test` picks free ports and a fresh database and passes them
 * in E2E_* variables; run directly, `npx playwright test` uses these fixed defaults.
 */
function key(prefix: string, letter: string) {
  const body = letter.repeat(32);
  return `${prefix}_${body}_${crc32Hex(body)}`;
}

const port = (name: string, fallback: number) => Number(process.env[name] || fallback);

export const e2e = {
  sandboxPort: port("E2E_SANDBOX_PORT", 8100),
  portalPort: port("E2E_PORTAL_PORT", 3100),
  portalDownPort: port("E2E_PORTAL_DOWN_PORT", 3101),
  portalStubPort: port("E2E_PORTAL_STUB_PORT", 3102),
  /** A portal after a SESSION_SECRET rotation: the suite's secret is its previous one. */
  portalRotatedPort: port("E2E_PORTAL_ROTATED_PORT", 3103),
  stubPort: port("E2E_STUB_PORT", 8101),
  /** A portal on a Closient that has moved on: nulls, new values and fields, unreadable rows. */
  portalDriftPort: port("E2E_PORTAL_DRIFT_PORT", 3104),
  driftPort: port("E2E_DRIFT_PORT", 8103),
  closedPort: port("E2E_CLOSED_PORT", 8102),
  dataDir: process.env.E2E_DATA_DIR || "test-results/e2e-data",
  sessionSecret: process.env.E2E_SESSION_SECRET || "e2e-session-secret-0123456789abcdef0123456789",
  /** Seals the watch keys and channel secrets in each portal's store. */
  encryptionKey: process.env.E2E_ENCRYPTION_KEY || "e2e-encryption-key-0123456789abcdef0123456789ab",
  rotatedSessionSecret: process.env.E2E_SESSION_SECRET_NEW || "e2e-rotated-session-secret-fedcba9876543210fe",
  keys: {
    orgA: process.env.E2E_KEY_A || key("csb", "A"),
    orgB: process.env.E2E_KEY_B || key("csb", "B"),
    /** The outage the diagnosis is tested on (e2e/why-it-fails.spec.ts), apart from the rest. */
    orgC: process.env.E2E_KEY_C || key("csb", "C"),
    /** A team's organization: a business key and two users' keys (the activity log's actors). */
    teamD: process.env.E2E_KEY_D || key("csb", "D"),
    alice: process.env.E2E_KEY_ALICE || key("csu", "E"),
    bob: process.env.E2E_KEY_BOB || key("csu", "F"),
  },
  upstreamTimeoutMs: 1500,
  attemptTimeoutMs: 6000,
};

/** The main portal's and the sandbox's own output, kept for the leak scan (e2e/leaks.spec.ts). */
export const serverLogs = {
  portal: `${e2e.dataDir}/portal.log`,
  sandbox: `${e2e.dataDir}/sandbox.log`,
  drift: `${e2e.dataDir}/portal-drift.log`,
};

export const sandboxUrl = `http://127.0.0.1:${e2e.sandboxPort}`;
export const portalUrl = (p = e2e.portalPort) => `http://127.0.0.1:${p}`;

/** The endpoint whose dead letters the stub upstream replays under a rate limit. */
export const RATE_LIMITED_ENDPOINT = "RateLimitedEndpoint234";

/** The drifted upstream's ids (e2e/support/drifted-upstream.ts). */
export const DRIFT = {
  endpoints: [
    "DriftEndpointA23456789",
    "DriftEndpointB23456789",
    "DriftEndpointC23456789",
    "DriftEndpointD23456789",
  ],
  deliveries: ["DriftRecordsA234567892", "DriftRecordsB234567892", "DriftRecordsC234567892"],
} as const;

/** The users of the team's organization, as the sandbox's whoami names them. */
export const TEAM = { alice: "alice@brand.example", bob: "bob@brand.example" } as const;

/** CLOSIENT_SANDBOX_API_KEYS for the suite: three organizations of one key, and the team's. */
export const sandboxKeys = [
  e2e.keys.orgA,
  e2e.keys.orgB,
  e2e.keys.orgC,
  `${e2e.keys.teamD}+${e2e.keys.alice}:${TEAM.alice}+${e2e.keys.bob}:${TEAM.bob}`,
].join(",");
