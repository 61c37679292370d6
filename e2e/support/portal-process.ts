import type { ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";
import { portalServer } from "../../harness/next-process";
import { e2e, portalUrl, sandboxKeys } from "./env";

/** A portal of the test's own on the suite's sandbox, on `port`, with its store at `databaseUrl`. */
export async function startPortal(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = portalServer(
    {
      HOST: "127.0.0.1",
      PORT: String(port),
      SESSION_SECRET: e2e.sessionSecret,
      SANDBOX_PORT: String(e2e.sandboxPort),
      CLOSIENT_SANDBOX_API_KEYS: sandboxKeys,
      DATABASE_URL: databaseUrl,
      PORTAL_ENCRYPTION_KEY: e2e.encryptionKey,
      PORTAL_URL: portalUrl(port),
      ...env,
    },
    { quiet: true },
  );
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${portalUrl(port)}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the portal did not start");
}

/** Signs in to the portal on `port` with `key`; answers the session cookie (`name=value`). */
export async function signInTo(port: number, key: string): Promise<string> {
  const res = await fetch(`${portalUrl(port)}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: portalUrl(port) },
    body: JSON.stringify({ api_key: key }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}
