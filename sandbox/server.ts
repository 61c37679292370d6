import { serve, type ServerType } from "@hono/node-server";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { generateApiKey, parseApiKey } from "../lib/closient";
import { createApp } from "./app";
import { systemClock, type Clock } from "./clock";
import { readSandboxEnv, type SandboxEnv } from "./config";
import { openDb } from "./db";
import { startInbox, type Inbox } from "./inbox";
import { RateLimiter } from "./rate-limit";
import { SandboxStore } from "./store";
import { ATTEMPT_TIMEOUT_MS, DeliveryWorker } from "./worker";

export const GENERATED_KEY_FILE = "sandbox-api-key";

export interface SandboxOptions extends Partial<SandboxEnv> {
  clock?: Clock;
  log?: (line: string) => void;
  /** Runs the local inbox (an SMTP server on SANDBOX_SMTP_PORT, read at /_sandbox/inbox). */
  inbox?: boolean;
}

export interface Sandbox {
  url: string;
  port: number;
  /** The first key of each configured organization, or the one generated for a default one. */
  keys: string[];
  /** Every organization and key, as CLOSIENT_SANDBOX_API_KEYS writes them (for the portal). */
  keysConfig: string;
  /** True when no keys were configured and `keys[0]` was generated (and may be printed). */
  generatedKey: boolean;
  store: SandboxStore;
  worker: DeliveryWorker;
  /** The local inbox, when asked for. */
  inbox: Inbox | null;
  close(): Promise<void>;
}

/** The generated key persists under the data folder, so a restart keeps its organization. */
function defaultKey(dataDir: string): string {
  const file = join(dataDir, GENERATED_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file, "utf8").trim();
    if (parseApiKey(key)) return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = generateApiKey("csb");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const env = { ...readSandboxEnv(), ...options };
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const db = openDb(env.SANDBOX_DB ?? join(env.SANDBOX_DATA_DIR, "sandbox.db"));
  const store = new SandboxStore(db, clock);

  const generatedKey = !env.CLOSIENT_SANDBOX_API_KEYS?.length;
  const orgs = generatedKey
    ? [[{ key: defaultKey(env.SANDBOX_DATA_DIR), email: null }]]
    : env.CLOSIENT_SANDBOX_API_KEYS!;
  orgs.forEach((keys, index) => {
    store.ensureOrganization(
      keys,
      orgs.length === 1 ? "Sandbox organization" : `Sandbox organization ${index + 1}`,
    );
  });
  const keys = orgs.map((org) => org[0]!.key);
  const keysConfig = orgs
    .map((org) => org.map(({ key, email }) => (email ? `${key}:${email}` : key)).join("+"))
    .join(",");

  const recovered = store.recoverClaimed();
  if (recovered > 0) log(`${recovered} deliveries interrupted by the last stop are due again`);
  const worker = new DeliveryWorker(store, clock, {
    timeScale: env.SANDBOX_TIME_SCALE,
    concurrency: env.SANDBOX_CONCURRENCY,
    attemptTimeoutMs: env.SANDBOX_ATTEMPT_TIMEOUT_MS,
    log,
  });
  const limiter = new RateLimiter(
    { perMinute: env.SANDBOX_RATE_LIMIT_PER_MINUTE, perDay: env.SANDBOX_RATE_LIMIT_PER_DAY },
    clock,
  );
  const inbox = options.inbox
    ? await startInbox({ port: env.SANDBOX_SMTP_PORT, host: env.SANDBOX_HOST })
    : null;
  const app = createApp({ store, worker, limiter, clock, log, inbox });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: env.SANDBOX_PORT, hostname: env.SANDBOX_HOST }, () =>
      resolve(s),
    );
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  worker.start();

  let closed = false;
  return {
    url: `http://${env.SANDBOX_HOST}:${port}`,
    port,
    keys,
    keysConfig,
    generatedKey,
    store,
    worker,
    inbox,
    /**
     * Stops accepting connections and lets the requests in flight finish (a test or a replay
     * waits for its one attempt, at most the attempt timeout); the worker finishes the attempts
     * it has under way and records them. A claimed delivery it could not finish is due again at
     * the next start (recoverClaimed), so no event is lost.
     */
    async close() {
      if (closed) return;
      closed = true;
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      if ("closeIdleConnections" in server) server.closeIdleConnections();
      const deadline = setTimeout(() => {
        if ("closeAllConnections" in server) server.closeAllConnections();
      }, ATTEMPT_TIMEOUT_MS + 1_000);
      // Connections kept alive after their last answer are closed as they go idle.
      const idle = setInterval(() => {
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }, 100);
      await drained;
      clearTimeout(deadline);
      clearInterval(idle);
      await worker.stop();
      await inbox?.close();
      db.close();
    },
  };
}
