import { request } from "@playwright/test";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateApiKey } from "../../lib/closient/api-key";
import { freePorts, sandboxClient } from "../../harness/sandbox-client";
import { expect, test } from "../support/fixtures";

const SLOW_TIMEOUT_MS = 8_000;

async function answers(url: string) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * `npm start` as an orchestrator stops it: SIGTERM to npm's own process while a test ping waits
 * for a receiver that takes 3 s, and while the sandbox's worker has an event's attempt under way.
 * The ping's answer arrives, the attempt is recorded, and every process exits 0 within the slow
 * timeout plus 5 s.
 */
test("SIGTERM during a slow test ping: the answer arrives, no attempt is lost, then every process exits 0", async ({
  receiver,
}) => {
  test.setTimeout(90_000);
  const [port, sandboxPort] = await freePorts(2);
  const dataDir = mkdtempSync(join(tmpdir(), "portal-stop-"));
  const key = generateApiKey("csb");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_DATA_DIR: dataDir,
    CLOSIENT_SANDBOX_API_KEYS: key,
    UPSTREAM_SLOW_TIMEOUT_MS: String(SLOW_TIMEOUT_MS),
  };
  for (const name of ["CLOSIENT_API_URL", "SESSION_SECRET", "HOST", "SANDBOX_DB"]) delete env[name];
  // Its own process group, so a failed test can end everything it started; the signal under
  // test goes to npm's process alone, as an orchestrator sends it.
  const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));

  const portal = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(() => answers(`${portal}/api/health`), { timeout: 60_000 }).toBe(true);
    const api = await request.newContext({
      baseURL: portal,
      extraHTTPHeaders: { "Sec-Fetch-Site": "same-origin" },
    });
    expect((await api.post("/api/session/sandbox")).status()).toBe(200);
    const created = await api.post("/api/webhooks/endpoints", {
      data: { url: receiver.url, event_types: ["offer.updated"] },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    receiver.delayMs = 3_000;
    const ping = api.post(`/api/webhooks/endpoints/${id}/test`);
    const emitted = await sandboxClient(`http://127.0.0.1:${sandboxPort}`, key).post("/_sandbox/events", {
      type: "offer.updated",
      data: { gtin: "00012345678905" },
    });
    expect(emitted.status).toBe(201);
    // Both requests are at the receiver, waiting for its answer.
    await expect.poll(() => receiver.received.length).toBe(2);

    const stoppedAt = Date.now();
    npm.kill("SIGTERM");
    const answer = await ping;
    expect(answer.status(), await answer.text()).toBe(200);
    expect(((await answer.json()) as { status: string }).status).toBe("delivered");
    await api.dispose();

    expect(await exited, output).toBe(0);
    const drainedWithin = Date.now() - stoppedAt;
    expect(drainedWithin, output).toBeLessThan(SLOW_TIMEOUT_MS + 5_000);
    await expect.poll(() => answers(`${portal}/api/health`)).toBe(false);
    await expect.poll(() => answers(`http://127.0.0.1:${sandboxPort}/_sandbox/health`)).toBe(false);

    // The event's attempt was finished and recorded: nothing left claimed, nothing lost.
    const db = new Database(join(dataDir, "sandbox.db"), { readonly: true });
    const rows = db.prepare("SELECT event_type, status, claimed_at_ms FROM deliveries").all() as {
      event_type: string;
      status: string;
      claimed_at_ms: number | null;
    }[];
    db.close();
    expect(rows.map((r) => [r.event_type, r.status, r.claimed_at_ms]).sort()).toEqual([
      ["offer.updated", "delivered", null],
      ["ping", "delivered", null],
    ]);
    console.log(`graceful stop: every process exited ${drainedWithin} ms after SIGTERM`);
  } finally {
    try {
      process.kill(-npm.pid!, "SIGKILL");
    } catch {
      /* all gone already */
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
