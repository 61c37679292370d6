/**
 * `npx tsx scripts/tool.ts <bin> [args…]`: runs a command of tools/ (Lighthouse, autocannon,
 * Stryker), installing tools/ first if it is not yet (harness/tools.ts).
 */
import { spawnSync } from "node:child_process";
import { toolPath } from "../harness/tools";

const [bin, ...args] = process.argv.slice(2);
if (!bin) {
  console.error("usage: npx tsx scripts/tool.ts <bin> [args…]");
  process.exit(2);
}
const run = spawnSync(toolPath(".bin", bin), args, { stdio: "inherit" });
process.exit(run.status ?? 1);
