import { generateApiKey } from "../lib/closient";
import { ManualClock } from "../sandbox/clock";
import { startSandbox, type Sandbox, type SandboxOptions } from "../sandbox/server";
import { sandboxClient } from "./sandbox-client";

export interface TestSandbox {
  sandbox: Sandbox;
  clock: ManualClock;
  /** Keys of two organizations and a publishable key of a third. */
  keys: { orgA: string; orgB: string; publishable: string };
  a: ReturnType<typeof sandboxClient>;
  b: ReturnType<typeof sandboxClient>;
  anonymous: ReturnType<typeof sandboxClient>;
  close(): Promise<void>;
}

/** A sandbox in this process on a free port with an in-memory database and a movable clock. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = new ManualClock();
  const keys = {
    orgA: generateApiKey("csb"),
    orgB: generateApiKey("csb"),
    publishable: generateApiKey("cpk"),
  };
  const sandbox = await startSandbox({
    SANDBOX_PORT: 0,
    SANDBOX_DB: ":memory:",
    CLOSIENT_SANDBOX_API_KEYS: [keys.orgA, keys.orgB, keys.publishable].map((key) => [{ key, email: null }]),
    SANDBOX_TIME_SCALE: 0.00001,
    SANDBOX_RATE_LIMIT_PER_MINUTE: 100_000,
    SANDBOX_RATE_LIMIT_PER_DAY: 1_000_000,
    clock,
    ...options,
  });
  return {
    sandbox,
    clock,
    keys,
    a: sandboxClient(sandbox.url, keys.orgA),
    b: sandboxClient(sandbox.url, keys.orgB),
    anonymous: sandboxClient(sandbox.url, null),
    close: () => sandbox.close(),
  };
}

/** Polls `read` until `done` holds; for state that changes in the background (the worker). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
