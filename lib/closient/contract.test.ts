import { describe, expect, it } from "vitest";
import {
  crc32Hex,
  diffMetadata,
  endpointWriteSchemas,
  eventTypesSchema,
  generateApiKey,
  generateSigningSecret,
  issuesToDetails,
  maskSecret,
  mergeMetadata,
  metadataWriteSchema,
  newEventId,
  newShortUuid,
  parseApiKey,
  signatureHeader,
  signInSchema,
  SHORTUUID_PATTERN,
  EVENT_ID_PATTERN,
  verifySignature,
} from "./index";

describe("api keys", () => {
  it("computes the documented CRC-32 checksum", () => {
    // The standard CRC-32 check value.
    expect(crc32Hex("123456789")).toBe("cbf43926");
  });

  it("accepts generated keys and rejects a wrong checksum", () => {
    const key = generateApiKey("csb");
    expect(parseApiKey(key)).toEqual({ prefix: "csb" });
    const broken = key.slice(0, -1) + (key.endsWith("0") ? "1" : "0");
    expect(parseApiKey(broken)).toBeNull();
    expect(parseApiKey("csb_short_00000000")).toBeNull();
  });

  it("signs in with business or user keys only", () => {
    expect(signInSchema.safeParse({ api_key: generateApiKey("csu") }).success).toBe(true);
    const publishable = signInSchema.safeParse({ api_key: generateApiKey("cpk") });
    expect(publishable.success).toBe(false);
  });
});

describe("ids and secrets", () => {
  it("issues shortuuids and event ids in the documented shapes", () => {
    for (let i = 0; i < 200; i++) {
      expect(newShortUuid()).toMatch(SHORTUUID_PATTERN);
      expect(newEventId()).toMatch(EVENT_ID_PATTERN);
    }
  });

  it("makes 64-hex secrets and masks them to their first 8 characters", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(maskSecret(secret)).toBe(`${secret.slice(0, 8)}...`);
  });
});

describe("metadata", () => {
  const current = { a: "1", b: "2", c: "3" };
  it.each([
    ["keeps omitted keys and sets new ones", { d: "4" }, { a: "1", b: "2", c: "3", d: "4" }],
    ["overwrites a key", { a: "9" }, { a: "9", b: "2", c: "3" }],
    ["deletes a key sent as empty", { b: "" }, { a: "1", c: "3" }],
    ["clears with {}", {}, {}],
    ["clears with null", null, {}],
    ["combines set, delete and keep", { a: "x", c: "", e: "5" }, { a: "x", b: "2", e: "5" }],
    ["leaves it alone when undefined", undefined, current],
  ])("%s", (_name, write, expected) => {
    expect(mergeMetadata(current, write)).toEqual(expected);
  });

  it("diffs to the smallest write", () => {
    expect(diffMetadata({ a: "1", b: "2" }, { a: "1", b: "3", c: "4" })).toEqual({ b: "3", c: "4" });
    expect(diffMetadata({ a: "1", b: "2" }, { a: "1" })).toEqual({ b: "" });
    expect(diffMetadata({ a: "1" }, { a: "1" })).toBeUndefined();
  });

  it("enforces 50 keys, 40-character keys and 500-character values at the edge", () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    expect(metadataWriteSchema.safeParse(fifty).success).toBe(true);
    expect(metadataWriteSchema.safeParse({ ...fifty, extra: "v" }).success).toBe(false);
    expect(metadataWriteSchema.safeParse({ ["k".repeat(40)]: "v" }).success).toBe(true);
    const longKey = metadataWriteSchema.safeParse({ ["k".repeat(41)]: "v" });
    expect(longKey.success).toBe(false);
    expect(metadataWriteSchema.safeParse({ k: "v".repeat(500) }).success).toBe(true);
    const longValue = metadataWriteSchema.safeParse({ k: "v".repeat(501) });
    expect(longValue.success).toBe(false);
    if (!longValue.success) expect(issuesToDetails(longValue.error)[0]?.field).toBe("k");
  });
});

describe("endpoint schemas", () => {
  const strict = endpointWriteSchemas({ allowHttp: false }).create;
  const sandbox = endpointWriteSchemas({ allowHttp: true }).create;

  it("requires https against the real API and allows http on the sandbox", () => {
    expect(strict.safeParse({ url: "http://example.com" }).success).toBe(false);
    expect(sandbox.safeParse({ url: "http://example.com" }).success).toBe(true);
    expect(strict.safeParse({ url: "https://example.com/hooks" }).data).toMatchObject({
      description: "",
      event_types: [],
      is_active: true,
      metadata: {},
    });
  });

  it("drops duplicate event types in order and refuses ping and wildcards", () => {
    expect(eventTypesSchema.parse(["b.x", "a.y", "b.x"])).toEqual(["b.x", "a.y"]);
    expect(eventTypesSchema.safeParse(["ping"]).success).toBe(false);
    expect(eventTypesSchema.safeParse(["offer.*"]).success).toBe(false);
    expect(eventTypesSchema.safeParse(["offer"]).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => `type.n${i}`);
    expect(eventTypesSchema.safeParse(many).success).toBe(false);
    expect(eventTypesSchema.safeParse(many.slice(0, 100)).success).toBe(true);
  });

  it("reports unknown fields by name", () => {
    const result = strict.safeParse({ url: "https://e.com", colour: "red" });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(issuesToDetails(result.error)).toContainEqual({
        field: "colour",
        message: 'Unknown field "colour".',
      });
  });
});

describe("signatures", () => {
  const body = JSON.stringify({ id: "evt_x", type: "offer.updated", created_at: "", data: {} });
  const now = 1_800_000_000;

  it("verifies v1 and v1old and rejects the wrong secret", async () => {
    const current = generateSigningSecret();
    const previous = generateSigningSecret();
    const header = await signatureHeader({ secret: current, previousSecret: previous, timestamp: now, body });
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1old=[0-9a-f]{64}$/);
    expect(await verifySignature({ header, body, secret: current, nowSeconds: now })).toMatchObject({
      ok: true,
      matched: "v1",
    });
    expect(await verifySignature({ header, body, secret: previous, nowSeconds: now })).toMatchObject({
      ok: true,
      matched: "v1old",
    });
    expect(await verifySignature({ header, body, secret: generateSigningSecret(), nowSeconds: now })).toEqual(
      { ok: false, reason: "mismatch" },
    );
  });

  it("rejects a changed body, a stale timestamp and a malformed header", async () => {
    const secret = generateSigningSecret();
    const header = await signatureHeader({ secret, timestamp: now, body });
    expect(await verifySignature({ header, body: body + " ", secret, nowSeconds: now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(await verifySignature({ header, body, secret, nowSeconds: now + 301 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(await verifySignature({ header, body, secret, nowSeconds: now + 300 })).toMatchObject({
      ok: true,
    });
    expect(await verifySignature({ header: "v1=abc", body, secret, nowSeconds: now })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});
