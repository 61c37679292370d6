import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const NEXT_BIN = join("node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when the app in `dir` has no production build, or one of `sources` is newer than it. */
export function buildIsStale(dir = ".", sources: readonly string[] = SOURCES): boolean {
  const stamp = join(dir, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

/** Runs `next <args>` as one process (not through npx, so a kill reaches the server itself). */
export function next(
  args: string[],
  env: Record<string, string>,
  stdio: "inherit" | "pipe" = "inherit",
): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
  });
}

/** The portal's own HTTP server in front of Next (request ids, JSON logs, graceful stop). */
export const PORTAL_SERVER_ARGS = ["--import", "tsx", "server.ts"];

/**
 * Runs the portal's server as one process, so a signal reaches the server itself. `quiet` drops
 * its log (one line a request: a pipe nobody reads would fill and stall it) and keeps stderr.
 */
export function portalServer(
  env: Record<string, string>,
  { dev = false, quiet = false }: { dev?: boolean; quiet?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, [...PORTAL_SERVER_ARGS, ...(dev ? ["--dev"] : [])], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
}

/**
 * The production build's arguments. Webpack rather than Turbopack: with the same code it ships
 * less gzip JavaScript a page (it drops the unused parts of zod and duplicates fewer modules
 * across chunks), which keeps the form pages within their budget; figures in BENCHMARKS.md.
 */
export const BUILD_ARGS = ["build", "--webpack"];

export function nextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = next(BUILD_ARGS, {});
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)),
    );
  });
}
