/**
 * `npm run sandbox:emit -- <event.type> '<json data>'`: emits an event through a running sandbox.
 * Uses the first key of CLOSIENT_SANDBOX_API_KEYS, else the generated key under .data/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emitEventResultSchema, errorEnvelopeSchema } from "../lib/closient";
import { readSandboxEnv } from "./config";
import { GENERATED_KEY_FILE } from "./server";

async function main() {
  const [type, json = "{}"] = process.argv.slice(2);
  if (!type || type === "--help") {
    console.log("usage: npm run sandbox:emit -- <event.type> '<json data>'");
    console.log(`example: npm run sandbox:emit -- offer.updated '{"gtin":"00012345678905"}'`);
    process.exit(type ? 0 : 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`The data is not valid JSON: ${json}`);
  }
  const env = readSandboxEnv();
  const key =
    env.CLOSIENT_SANDBOX_API_KEYS?.[0]?.[0]?.key ??
    readFileSync(join(env.SANDBOX_DATA_DIR, GENERATED_KEY_FILE), "utf8").trim();
  const base = process.env.SANDBOX_URL ?? `http://127.0.0.1:${env.SANDBOX_PORT}`;
  const response = await fetch(`${base}/_sandbox/events`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": key },
    body: JSON.stringify({ type, data }),
  });
  const body: unknown = await response.json();
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    const details = envelope.success
      ? [
          envelope.data.error.message,
          ...(envelope.data.error.details ?? []).map((d) => `${d.field}: ${d.message}`),
        ]
      : [JSON.stringify(body)];
    throw new Error(`The sandbox refused the event (${response.status}):\n  ${details.join("\n  ")}`);
  }
  const result = emitEventResultSchema.parse(body);
  const count = result.delivery_ids.length;
  console.log(`event ${result.event_id}: ${count} ${count === 1 ? "delivery" : "deliveries"} queued`);
  for (const id of result.delivery_ids) console.log(`  delivery ${id}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    message.includes("ECONNREFUSED") || message === "fetch failed"
      ? "The sandbox is not running: start it with `npm run sandbox` or `npm start`."
      : message,
  );
  process.exit(1);
});
