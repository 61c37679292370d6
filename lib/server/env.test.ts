import { describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/closient";
import { env, readEnv } from "./env";
import { slowTimeoutFromEnv } from "../timeouts";

/** The configuration a process with only `vars` would read. */
const envWith = (vars: Record<string, string>) => Promise.resolve().then(() => readEnv(vars));

const SECRET = "s".repeat(32);

describe("the portal's configuration", () => {
  it("talks to the sandbox by default, with its documented defaults", async () => {
    const key = generateApiKey("csb");
    const e = await envWith({
      SESSION_SECRET: SECRET,
      CLOSIENT_SANDBOX_API_KEYS: ` nope, ${key} ,${generateApiKey("csb")}`,
    });
    expect(e).toMatchObject({
      upstreamUrl: "http://127.0.0.1:8000",
      isSandbox: true,
      sandboxKey: key,
      sessionSecret: SECRET,
      previousSessionSecrets: [],
      sessionMaxAgeSeconds: 8 * 3600,
      upstreamTimeoutMs: 10_000,
      upstreamSlowTimeoutMs: 30_000,
      diagnosisCacheMs: 15_000,
    });
  });

  it("talks to a real Closient when CLOSIENT_API_URL is set, without a sandbox key", async () => {
    const e = await envWith({
      SESSION_SECRET: SECRET,
      CLOSIENT_API_URL: "https://www.closient.com//",
      CLOSIENT_SANDBOX_API_KEYS: generateApiKey("csb"),
      SESSION_SECRET_PREVIOUS: " old-one ,, older ",
      SANDBOX_PORT: "9000",
      UPSTREAM_TIMEOUT_MS: "",
    });
    expect(e).toMatchObject({
      upstreamUrl: "https://www.closient.com",
      isSandbox: false,
      sandboxKey: null,
      previousSessionSecrets: ["old-one", "older"],
      upstreamTimeoutMs: 10_000,
    });
    expect((await envWith({ SESSION_SECRET: SECRET, SANDBOX_PORT: "9000" })).upstreamUrl).toBe(
      "http://127.0.0.1:9000",
    );
  });

  it("refuses a short or missing session secret and out-of-range numbers, naming each", async () => {
    await expect(envWith({ SESSION_SECRET: "short" })).rejects.toThrow(
      "The portal's configuration is invalid: SESSION_SECRET: SESSION_SECRET must be at least 32 characters.",
    );
    await expect(envWith({})).rejects.toThrow(/SESSION_SECRET/);
    await expect(
      envWith({ SESSION_SECRET: SECRET, SANDBOX_PORT: "70000", UPSTREAM_TIMEOUT_MS: "5" }),
    ).rejects.toThrow(/SANDBOX_PORT: .*; UPSTREAM_TIMEOUT_MS: /);
    await expect(envWith({ SESSION_SECRET: SECRET, SESSION_MAX_AGE_SECONDS: "59" })).rejects.toThrow(
      /SESSION_MAX_AGE_SECONDS/,
    );
    // A failure summary is kept 15 s at most.
    await expect(envWith({ SESSION_SECRET: SECRET, DIAGNOSIS_CACHE_MS: "15001" })).rejects.toThrow(
      /DIAGNOSIS_CACHE_MS/,
    );
    expect((await envWith({ SESSION_SECRET: SECRET, DIAGNOSIS_CACHE_MS: "0" })).diagnosisCacheMs).toBe(0);
  });

  it("takes the first valid csb_ key for one-click sign-in, never a user key, and secures cookies in production", async () => {
    const user = generateApiKey("csu");
    const business = generateApiKey("csb");
    const e = await envWith({ SESSION_SECRET: SECRET, CLOSIENT_SANDBOX_API_KEYS: `${user},${business}` });
    expect(e.sandboxKey).toBe(business);
    expect(e.secureCookies).toBe(false);
    expect(
      (await envWith({ SESSION_SECRET: SECRET, CLOSIENT_SANDBOX_API_KEYS: user })).sandboxKey,
    ).toBeNull();
    expect((await envWith({ SESSION_SECRET: SECRET, NODE_ENV: "production" })).secureCookies).toBe(true);
  });

  it("reads the process's configuration once", () => {
    process.env.SESSION_SECRET ??= SECRET;
    const first = env();
    const before = process.env.UPSTREAM_TIMEOUT_MS;
    process.env.UPSTREAM_TIMEOUT_MS = "12345";
    try {
      expect(env()).toBe(first);
      expect(env().upstreamTimeoutMs).not.toBe(12345);
    } finally {
      process.env.UPSTREAM_TIMEOUT_MS = before;
    }
  });
});

describe("the slow timeout as the start scripts read it", () => {
  it("is the portal's value when it is one the portal accepts, else the portal's default", async () => {
    expect(slowTimeoutFromEnv({ UPSTREAM_SLOW_TIMEOUT_MS: "4500" })).toBe(4500);
    expect(slowTimeoutFromEnv({})).toBe((await envWith({ SESSION_SECRET: SECRET })).upstreamSlowTimeoutMs);
    for (const odd of ["", "soon", "50", "2.5"]) {
      expect(slowTimeoutFromEnv({ UPSTREAM_SLOW_TIMEOUT_MS: odd })).toBe(30_000);
    }
  });
});
