import { compactDecrypt } from "jose";
import { describe, expect, it } from "vitest";
import { openSeal, seal } from "./session-seal";

/** What a seal holds, or null when it does not open. */
const unseal = async (token: string, secrets: readonly string[]) =>
  (await openSeal(token, secrets))?.payload ?? null;

const current = "current-session-secret-0123456789abcdef";
const previous = "previous-session-secret-0123456789abcdef";
const payload = { key: "csb_secret_api_key", org: { id: "o", name: "Org" } };

describe("session seal", () => {
  it("opens what it sealed, and hides the key inside", async () => {
    const token = await seal(payload, current, { maxAgeSeconds: 60 });
    expect(token.split(".")).toHaveLength(5); // compact JWE
    expect(token).not.toContain("csb_");
    expect(Buffer.from(token.split(".")[3]!, "base64url").toString()).not.toContain("csb_");
    expect(await unseal(token, [current])).toMatchObject(payload);
  });

  it("refuses a seal past its own expiry, whatever the cookie said", async () => {
    const old = await seal(payload, current, {
      maxAgeSeconds: 3600,
      now: new Date(Date.now() - 2 * 3600_000),
    });
    expect(await unseal(old, [current])).toBeNull();
    const fresh = await seal(payload, current, { maxAgeSeconds: 3600, now: new Date(Date.now() - 1800_000) });
    expect(await unseal(fresh, [current])).not.toBeNull();
  });

  it("refuses a tampered seal, a foreign secret and garbage", async () => {
    const token = await seal(payload, current, { maxAgeSeconds: 60 });
    const parts = token.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const i of [0, 2, 3, 4]) {
      const tampered = parts.map((p, j) => (j === i ? flip(p) : p)).join(".");
      expect(await unseal(tampered, [current])).toBeNull();
    }
    expect(await unseal(token, [previous])).toBeNull();
    expect(await unseal("not-a-seal", [current])).toBeNull();
    expect(await unseal("", [current])).toBeNull();
  });

  it("opens seals of a previous secret during a rotation, and not after it is dropped", async () => {
    const before = await seal(payload, previous, { maxAgeSeconds: 60 });
    expect(await unseal(before, [current, previous])).toMatchObject(payload);
    expect(await unseal(before, [current])).toBeNull();
  });

  it("says which secret opened a seal: the current one (0) or a previous one", async () => {
    const before = await seal(payload, previous, { maxAgeSeconds: 60 });
    const now = await seal(payload, current, { maxAgeSeconds: 60 });
    expect((await openSeal(before, [current, previous]))?.secretIndex).toBe(1);
    expect((await openSeal(now, [current, previous]))?.secretIndex).toBe(0);
  });

  it("names its key by an id that is not the key", async () => {
    const token = await seal(payload, current, { maxAgeSeconds: 60 });
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as Record<
      string,
      string
    >;
    expect(header).toMatchObject({ alg: "dir", enc: "A256GCM" });
    expect(header.kid).toMatch(/^[0-9a-f]{12}$/);
    // A secret of the wrong key cannot open it even through jose directly.
    await expect(compactDecrypt(token, new Uint8Array(32))).rejects.toThrow();
  });
});

describe("cookies sealed by an earlier version", () => {
  // Sealed on 2026-12-01 by this code, valid for a hundred years. If the key derivation (salt,
  // info, key id) or the algorithms change, this stops opening: every admin would be signed out.
  const PINNED_SECRET = "pinned-session-secret-0123456789abcdef";
  const PINNED =
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwia2lkIjoiODQ3ZDM1ZDJkZGU5In0..TfBNb-BxvVpS8ff_.Tg95h5-R14vyClJxEcIEdgHu5RnBpVMcQcCA-SIzG7nTSpbxhrlPdKYj2DC9GWsTCmgVhuuEEcnIm6_hyj8MLTUNaaIcMSSR1X7oQpo7Ew4hmKf8.bokUpbDGPb29sWU16JAiWA";

  it("still open, with the same key id", async () => {
    expect(await unseal(PINNED, [PINNED_SECRET])).toMatchObject({
      key: "csb_pinned",
      org: { id: "o", name: "Org" },
    });
    expect(await openSeal(PINNED, ["another-secret-0123456789abcdef0123", PINNED_SECRET])).toMatchObject({
      secretIndex: 1,
    });
    const fresh = await seal(payload, PINNED_SECRET, { maxAgeSeconds: 60 });
    expect(JSON.parse(Buffer.from(fresh.split(".")[0]!, "base64url").toString())).toEqual({
      alg: "dir",
      enc: "A256GCM",
      kid: "847d35d2dde9",
    });
  });

  it("never open with a secret that is not theirs", async () => {
    expect(await openSeal(PINNED, ["another-secret-0123456789abcdef0123"])).toBeNull();
    expect(await openSeal(PINNED, [])).toBeNull();
  });
});
