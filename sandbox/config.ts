import { z } from "zod";
import { parseSandboxKeys, type SandboxKey } from "../lib/closient/sandbox-keys";

/** Organizations, comma-separated; within one, keys joined by `+` (lib/closient/sandbox-keys.ts). */
const keyList = z.string().transform((value, context): SandboxKey[][] => {
  const orgs = parseSandboxKeys(value);
  if (orgs) return orgs;
  context.addIssue({
    code: "custom",
    message:
      "each key must be <csb|csu|cpk>_<32 alphanumerics>_<crc32 hex> with a valid checksum; keys of one organization are joined by +, and a csu_ key may end in :email",
  });
  return z.NEVER;
});

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  SANDBOX_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8000)),
  SANDBOX_SMTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(2525)),
  SANDBOX_HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  SANDBOX_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  SANDBOX_DB: z.preprocess(emptyAsUndefined, z.string().optional()),
  CLOSIENT_SANDBOX_API_KEYS: z.preprocess(emptyAsUndefined, keyList.optional()),
  SANDBOX_TIME_SCALE: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1).default(1)),
  SANDBOX_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).default(64)),
  // Closient gives an attempt 10 s; a test may give it less, to see a slow receiver time out soon.
  SANDBOX_ATTEMPT_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(10_000).default(10_000),
  ),
  SANDBOX_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(300)),
  SANDBOX_RATE_LIMIT_PER_DAY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(10_000)),
});

export type SandboxEnv = z.infer<typeof envSchema>;

export function readSandboxEnv(env: NodeJS.ProcessEnv = process.env): SandboxEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The sandbox's configuration is invalid:\n${problems}`);
  }
  return parsed.data;
}
