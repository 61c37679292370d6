/**
 * `npm start`: builds the portal when needed, starts the sandbox (unless CLOSIENT_API_URL points
 * at a real Closient) and the portal on PORT, and stops both on Ctrl-C.
 * `npm run dev`: the same with `next dev`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger } from "../lib/log";
import { slowTimeoutFromEnv } from "../lib/timeouts";
import { startSandbox, type Sandbox } from "../sandbox/server";
import { buildIsStale, nextBuild, portalServer } from "../harness/next-process";

const DATA_DIR = process.env.SANDBOX_DATA_DIR || ".data";
const dev = process.argv.includes("--dev");

/**
 * A secret from the environment, or, for local use, one generated and kept under .data/ (so
 * sessions and what the store sealed survive a restart). Required with a real Closient.
 */
function secretOrLocal(name: string, file: string, upstream: string, purpose: string): string {
  const given = process.env[name] || "";
  if (given) return given;
  if (upstream && !dev) {
    throw new Error(
      `${name} is required with a real Closient (CLOSIENT_API_URL is set): use 32 or more random characters. ${purpose}`,
    );
  }
  const path = join(DATA_DIR, file);
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main() {
  const port = Number(process.env.PORT || 3000);
  const upstream = process.env.CLOSIENT_API_URL || "";
  const sessionSecret = secretOrLocal(
    "SESSION_SECRET",
    "session-secret",
    upstream,
    "It seals the session cookie.",
  );
  const encryptionKey = secretOrLocal(
    "PORTAL_ENCRYPTION_KEY",
    "encryption-key",
    upstream,
    "It seals the API keys the watcher keeps.",
  );

  if (!dev && buildIsStale()) {
    console.log("Building the portal (first start, or the sources changed)…");
    await nextBuild();
  }

  let sandbox: Sandbox | null = null;
  if (!upstream) {
    const sandboxLog = createLogger("sandbox");
    // Without SMTP_URL, alert mails go to the sandbox's local inbox.
    sandbox = await startSandbox({ log: (line) => sandboxLog.info(line), inbox: !process.env.SMTP_URL });
  }

  // With the sandbox, anyone who reaches the portal can sign in with one click: keep it on this
  // machine unless HOST says otherwise.
  const host = process.env.HOST || (sandbox ? "127.0.0.1" : "0.0.0.0");
  const portal = portalServer(
    {
      HOST: host,
      PORT: String(port),
      SESSION_SECRET: sessionSecret,
      PORTAL_ENCRYPTION_KEY: encryptionKey,
      ...(sandbox?.inbox ? { SMTP_URL: sandbox.inbox.smtpUrl } : {}),
      ...(sandbox
        ? { SANDBOX_PORT: String(sandbox.port), CLOSIENT_SANDBOX_API_KEYS: sandbox.keysConfig }
        : {}),
    },
    { dev },
  );

  const url = `http://localhost:${port}`;
  console.log("");
  console.log(`  Closient webhooks portal: ${url}`);
  if (sandbox) {
    console.log(`  Upstream: the local sandbox, ${sandbox.url}/integrations/api/v1/`);
    console.log(
      sandbox.generatedKey
        ? `  Sign in:  click "Use the sandbox organization", or paste the key ${sandbox.keys[0]}`
        : `  Sign in:  click "Use the sandbox organization", or paste the first key of CLOSIENT_SANDBOX_API_KEYS`,
    );
    console.log(`  Emit:     npm run sandbox:emit -- offer.updated '{"gtin":"00012345678905"}'`);
    if (sandbox.inbox) console.log(`  Alert mail: ${sandbox.url}/_sandbox/inbox (the sandbox's local inbox)`);
  } else {
    console.log(`  Upstream: ${upstream}`);
    console.log("  Sign in:  paste your organization's API key (Settings › API Keys).");
  }
  console.log("  Stop:     Ctrl-C");
  console.log("");

  // The portal first: its requests in flight (a ping waiting for a receiver) still need the
  // sandbox. It exits by itself once they are done (server.ts).
  const slowTimeoutMs = slowTimeoutFromEnv();
  const portalExited = new Promise<void>((resolve) => portal.once("exit", () => resolve()));
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (portal.exitCode === null && portal.signalCode === null) portal.kill("SIGTERM");
    const watchdog = setTimeout(() => portal.kill("SIGKILL"), slowTimeoutMs + 4_000);
    await portalExited;
    clearTimeout(watchdog);
    await sandbox?.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  portal.once("exit", (code) => {
    if (!stopping) {
      console.error(`The portal stopped (exit ${code ?? "signal"}).`);
      void stop(code ?? 1);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
