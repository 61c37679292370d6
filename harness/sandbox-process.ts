import { spawn, type ChildProcess } from "node:child_process";

/**
 * The real `npm run sandbox` entry point as a child process; resolves once it is listening (it
 * prints its address then). For tests and benchmarks that need the sandbox in its own process.
 */
export async function spawnSandbox(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let printed = "";
  printedBy.set(child, () => printed);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes("Closient webhooks API on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return child;
}

const printedBy = new WeakMap<ChildProcess, () => string>();

/** Everything a sandbox started by `spawnSandbox` has printed so far. */
export function printed(child: ChildProcess): string {
  return printedBy.get(child)?.() ?? "";
}

/** SIGTERM, then wait for the exit. */
export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
