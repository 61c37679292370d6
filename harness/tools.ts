/**
 * The tools that only the benchmarks and the mutation run need (Lighthouse, autocannon, Stryker)
 * live in tools/, a package of their own, so that a new user's `npm install` neither downloads
 * nor builds them. They are installed there on first use, from tools/package-lock.json.
 * `npx tsx scripts/tool.ts <bin> [args…]` runs one of their commands (npm run test:mutation).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const TOOLS = resolve("tools"); // npm runs every script from the project's root

/** Installs tools/ when it is not yet (about 15 s from a warm npm cache). */
export function ensureTools() {
  if (existsSync(join(TOOLS, "node_modules", ".package-lock.json"))) return;
  console.log("Installing the benchmark tools into tools/ (once)…");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: TOOLS, stdio: "inherit" });
  if (install.status !== 0) throw new Error("npm ci in tools/ failed");
}

/** A module of tools/, installed first if need be. */
export function toolModule<T>(name: string): T {
  ensureTools();
  return createRequire(join(TOOLS, "package.json"))(name) as T;
}

/** The path of a file inside one of tools/'s packages, installed first if need be. */
export function toolPath(...parts: string[]): string {
  ensureTools();
  return join(TOOLS, "node_modules", ...parts);
}
