/**
 * `npm run sandbox`: the local Closient webhooks API on SANDBOX_PORT (default 8000).
 */
import { startSandbox } from "./server";

async function main() {
  const sandbox = await startSandbox({ log: (line) => console.log(`[sandbox] ${line}`) });
  console.log(`[sandbox] Closient webhooks API on ${sandbox.url}/integrations/api/v1/`);
  for (const key of sandbox.keys) console.log(`[sandbox] API key: ${key}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sandbox] ${signal}: stopping`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
