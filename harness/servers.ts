/**
 * What the portal benchmarks start: a sandbox with unlimited rate limits, the portal's production
 * build on it, and the bare Next.js app (bench/bare) as the framework's floor; each on a free
 * port, all stopped together.
 */
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { generateApiKey } from "../lib/closient/api-key";
import { API_BASE } from "../lib/closient/paths";
import { freePorts } from "./sandbox-client";
import { spawnSandbox, stopProcess } from "./sandbox-process";
import { BUILD_ARGS, buildIsStale, next, nextBuild, portalServer } from "./next-process";

export const BARE_APP = join("bench", "bare");
/** The bare app's sources, and the portal's config, whose headers it serves on /isolated. */
const BARE_SOURCES = [join(BARE_APP, "app"), join(BARE_APP, "next.config.js"), "next.config.js"];

export async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** Builds the portal and the bare app where a source is newer than the build. */
export async function buildAll() {
  if (buildIsStale()) await nextBuild();
  if (buildIsStale(BARE_APP, BARE_SOURCES)) {
    await new Promise<void>((resolve, reject) =>
      next([...BUILD_ARGS, BARE_APP], {}, "pipe").once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error("the build of bench/bare failed")),
      ),
    );
  }
}

export interface Servers {
  key: string;
  sandbox: string;
  portal: string;
  bare: string | null;
  /** The portal's session cookie (`name=value`) for `key`. */
  cookie: string;
  stop: () => Promise<void>;
}

/** The sandbox on `db` for `key`, the portal on it, signed in, and (with `bare`) the floor. */
export async function startServers({
  db,
  key = generateApiKey("csb"),
  bare = false,
  timeScale,
  portalEnv = {},
  extraKeys = [],
}: {
  db: string;
  key?: string;
  bare?: boolean;
  /** The sandbox's SANDBOX_TIME_SCALE: below 1, failed deliveries reach dead_letter sooner. */
  timeScale?: number;
  /** More of the portal's configuration. */
  portalEnv?: Record<string, string>;
  /** Keys of more organizations in the sandbox (the servers sign in with `key`). */
  extraKeys?: string[];
}): Promise<Servers> {
  const keys = [key, ...extraKeys].join(",");
  const [sandboxPort, portalPort, barePort] = await freePorts(3);
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => stopProcess(child)));
  };
  try {
    children.push(
      await spawnSandbox({
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_DB: db,
        CLOSIENT_SANDBOX_API_KEYS: keys,
        SANDBOX_RATE_LIMIT_PER_MINUTE: "100000000",
        SANDBOX_RATE_LIMIT_PER_DAY: "100000000",
        ...(timeScale === undefined ? {} : { SANDBOX_TIME_SCALE: String(timeScale) }),
      }),
    );
    // The portal as `npm start` serves it: its own server in front of Next, logging every request.
    children.push(
      portalServer(
        {
          HOST: "127.0.0.1",
          PORT: String(portalPort),
          SESSION_SECRET: generateApiKey("csb"),
          SANDBOX_PORT: String(sandboxPort),
          CLOSIENT_SANDBOX_API_KEYS: keys,
          ...portalEnv,
        },
        { quiet: true },
      ),
    );
    if (bare) {
      // Its /api/relay reads the sandbox's endpoint list with this key: the floor of a proxy route.
      const relay = {
        RELAY_URL: `http://127.0.0.1:${sandboxPort}${API_BASE}/webhooks/endpoints/`,
        RELAY_KEY: key,
      };
      children.push(next(["start", BARE_APP, "-H", "127.0.0.1", "-p", String(barePort)], relay, "pipe"));
    }
    const portal = `http://127.0.0.1:${portalPort}`;
    const bareUrl = bare ? `http://127.0.0.1:${barePort}` : null;
    await Promise.all([waitFor(`${portal}/sign-in`), bareUrl ? waitFor(`${bareUrl}/api/ping`) : null]);
    const signIn = await fetch(`${portal}/api/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ api_key: key }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    return { key, sandbox: `http://127.0.0.1:${sandboxPort}`, portal, bare: bareUrl, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
