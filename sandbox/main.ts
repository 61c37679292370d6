/**
 * `npm run sandbox`: the local Closient webhooks API on SANDBOX_PORT (default 8000).
 */
import { startSandbox } from "./server";

async function main() {
  const sandbox = await startSandbox({ log: (line) => console.log(`[sandbox] ${line}`) });
  // Only a generated key is printed; keys the operator configured stay out of the logs.
  console.log(
    sandbox.generatedKey
      ? `[sandbox] API key: ${sandbox.keys[0]} (also in .data/sandbox-api-key)`
      : `[sandbox] ${sandbox.keys.length} organization${sandbox.keys.length === 1 ? "" : "s"} from CLOSIENT_SANDBOX_API_KEYS`,
  );
  console.log(`[sandbox] Closient webhooks API on ${sandbox.url}/integrations/api/v1/`);

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
