import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiKeyProblem, crc32Hex, generateApiKey } from "./api-key";
import { ClosientError, isErrorEnvelope } from "./closient-error";
import { closientError } from "./error-messages";
import { endpointUrlSchema } from "./endpoint-fields";
import { describeEventType, eventTypesSchema } from "./event-types";
import { metadataWriteSchema } from "./metadata";
import { metadataFilters, toSearchParams } from "./paths";
import { SHORTUUID_ALPHABET } from "./ids";
import { randomString } from "./random";
import { computeSignature, parseSignatureHeader, signatureHeader, verifySignature } from "./signature";
import { parseJsonBody, parseQuery } from "./validate";

/** The edges of the contract's helpers: each assertion pins one rule a mutation would break. */

describe("the error envelope in the browser", () => {
  it("recognises the envelope by its code, message and status, and nothing else", () => {
    expect(isErrorEnvelope({ error: { code: "X", message: "m", status: 400 } })).toBe(true);
    for (const odd of [
      null,
      "error",
      {},
      { error: null },
      { error: "text" },
      { error: { message: "m", status: 400 } },
      { error: { code: "X", status: 400 } },
      { error: { code: "X", message: "m" } },
      { error: { code: "X", message: "m", status: "400" } },
    ]) {
      expect(isErrorEnvelope(odd), JSON.stringify(odd)).toBe(false);
    }
  });

  it("is a ClosientError by name, with the envelope's details or none", () => {
    const error = ClosientError.fromEnvelope({ error: { code: "NOT_FOUND", message: "gone", status: 404 } });
    expect(error.name).toBe("ClosientError");
    expect(error.details).toBeNull();
    // A code Closient added since is passed on as it came.
    expect(
      ClosientError.fromEnvelope({ error: { code: "QUOTA_EXCEEDED", message: "m", status: 403 } }).code,
    ).toBe("QUOTA_EXCEEDED");
    expect(closientError(404, "NOT_FOUND").message).toBe("The requested resource was not found.");
    const details = [{ field: "url", message: "bad" }];
    expect(
      ClosientError.fromEnvelope({ error: { code: "VALIDATION_ERROR", message: "m", status: 422, details } })
        .details,
    ).toEqual(details);
  });
});

describe("query strings", () => {
  it("writes filters, lists and metadata, and leaves empty values out", () => {
    const params = toSearchParams({
      page: 2,
      active: false,
      status: "",
      none: null,
      missing: undefined,
      tags: ["a", "b"],
      metadata: { team: "ops", env: "prod" },
    });
    expect(params.toString()).toBe(
      "page=2&active=false&tags=a&tags=b&metadata%5Bteam%5D=ops&metadata%5Benv%5D=prod",
    );
  });

  it("reads metadata[key]=value pairs back, and no other name", () => {
    const params = new URLSearchParams(
      "metadata[team]=ops&xmetadata[a]=1&metadata[b]x=2&metadata[]=3&page=1",
    );
    expect(metadataFilters(params)).toEqual({ team: "ops" });
  });

  it("gathers metadata under one key for the schema, and sends none when there is none", () => {
    const schema = z.object({
      page: z.string().optional(),
      metadata: z.record(z.string(), z.string()).optional(),
    });
    expect(parseQuery(new URLSearchParams("page=2&metadata[team]=ops"), schema)).toEqual({
      page: "2",
      metadata: { team: "ops" },
    });
    expect(parseQuery(new URLSearchParams("page=2"), schema)).toEqual({ page: "2" });
    expect(() => parseQuery(new URLSearchParams("page=2"), z.object({ page: z.number() }))).toThrow(
      expect.objectContaining({ status: 422, code: "VALIDATION_ERROR" }),
    );
  });
});

describe("JSON bodies", () => {
  const schema = z.object({ a: z.number() });
  it("refuses what is not JSON, and JSON that is not an object, with 400 and why", () => {
    expect(() => parseJsonBody("{", schema)).toThrow(
      expect.objectContaining({ status: 400, code: "BAD_REQUEST", message: "The body is not valid JSON." }),
    );
    for (const text of ["null", "[]", "3", '"a"']) {
      expect(() => parseJsonBody(text, schema), text).toThrow(
        expect.objectContaining({
          status: 400,
          code: "BAD_REQUEST",
          message: "The body must be a JSON object.",
        }),
      );
    }
    expect(parseJsonBody('{"a":1}', schema)).toEqual({ a: 1 });
  });
});

describe("keys pasted at sign-in", () => {
  it("says what is wrong with a key, trimmed, in the admin's words", () => {
    expect(apiKeyProblem("   ")).toBe("Paste your organization's API key.");
    expect(apiKeyProblem(generateApiKey("cpk"))).toMatch(/^Use a business \(csb_\) or user \(csu_\) key/);
    expect(apiKeyProblem(`x${generateApiKey("csb")}`)).toMatch(/^Use a business/);
    const key = generateApiKey("csu");
    expect(apiKeyProblem(`  ${key}\n`)).toBeNull();
    expect(apiKeyProblem(`${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}`)).toBe(
      "This is not a valid Closient key: check that you copied all of it.",
    );
    expect(generateApiKey()).toMatch(/^csb_/);
  });

  it("pads a checksum to eight hex characters", () => {
    const body = Array.from({ length: 500 }, (_, i) => `k${i}`).find((b) => crc32Hex(b).startsWith("0"));
    expect(body, "a body whose checksum starts with 0").toBeDefined();
    expect(crc32Hex(body!)).toMatch(/^0[0-9a-f]{7}$/);
  });
});

describe("endpoint fields", () => {
  const messages = (allowHttp: boolean, url: string) => {
    const result = endpointUrlSchema({ allowHttp }).safeParse(url);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };
  it("explains each URL it refuses", () => {
    expect(messages(false, "example.com/hooks")).toEqual([
      "Enter an absolute URL, like https://example.com/webhooks.",
    ]);
    expect(messages(false, "http://example.com")).toEqual(["The URL must start with https://."]);
    expect(messages(true, "ftp://example.com")).toEqual(["The URL must start with https:// or http://."]);
    expect(messages(false, "https://user:pw@example.com")).toEqual(["Leave credentials out of the URL."]);
    expect(messages(false, "https://user@example.com")).toEqual(["Leave credentials out of the URL."]);
    expect(messages(false, "https://:pw@example.com")).toEqual(["Leave credentials out of the URL."]);
    expect(messages(true, "http://127.0.0.1:9/hook")).toEqual([]);
    expect(messages(false, "   ")).toEqual(["Enter the URL that will receive the webhooks."]);
    expect(messages(false, `https://example.com/${"a".repeat(2048)}`)).toEqual([
      "A URL is at most 2048 characters.",
    ]);
  });

  it("refuses ping with its own reason, not the pattern's", () => {
    const ping = eventTypesSchema.safeParse(["ping"]);
    expect(ping.success ? [] : ping.error.issues.map((i) => i.message)).toEqual([
      "`ping` is reserved for test pings and cannot be subscribed to.",
    ]);
  });

  it("describes the catalogue's event types and no others", () => {
    expect(describeEventType("product.recalled")).toBe("A product was recalled.");
    expect(describeEventType("inventory.restocked")).toBeUndefined();
  });

  it("refuses the reserved key and more than 50 kept keys, but counts deletions as none", () => {
    const keys = (n: number, value: string) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));
    expect(metadataWriteSchema.safeParse(keys(50, "v")).success).toBe(true);
    const over = metadataWriteSchema.safeParse(keys(51, "v"));
    expect(over.success ? [] : over.error.issues.map((i) => i.message)).toEqual([
      "At most 50 metadata keys.",
    ]);
    expect(
      metadataWriteSchema.safeParse({
        ...keys(50, "v"),
        ...Object.fromEntries([
          ["x1", ""],
          ["x2", ""],
        ]),
      }).success,
    ).toBe(true);
    const reserved = metadataWriteSchema.safeParse(JSON.parse('{"__proto__": "x"}'));
    expect(reserved.success ? [] : reserved.error.issues.map((i) => i.message)).toContain(
      "This key name is reserved.",
    );
  });
});

describe("signatures", () => {
  const secret = "a".repeat(64);
  const t = 1_800_000_000;
  it("reads the parts of a header, skipping what is not name=value", () => {
    expect(parseSignatureHeader(" t = 12 ,v1= ab ,junk, v1old=cd,v1=ef,x=1")).toEqual({
      timestamp: 12,
      v1: ["ab", "ef"],
      v1old: ["cd"],
    });
    expect(parseSignatureHeader("t=12x,v1=ab")).toBeNull();
    expect(parseSignatureHeader("v1=ab")).toBeNull();
  });

  it("verifies a string body and the same bytes alike, and refuses odd hex", async () => {
    const body = '{"a":1}';
    const header = await signatureHeader({ secret, timestamp: t, body });
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    const bytes = new TextEncoder().encode(body);
    expect(await computeSignature(secret, t, bytes)).toBe(await computeSignature(secret, t, body));
    expect(await verifySignature({ header, body: bytes, secret, nowSeconds: t })).toEqual({
      ok: true,
      matched: "v1",
      timestamp: t,
    });
    const v1 = header.split("v1=")[1]!;
    for (const odd of [v1.toUpperCase(), v1.slice(1), `${v1}0`, `x${v1.slice(1)}`]) {
      expect(await verifySignature({ header: `t=${t},v1=${odd}`, body, secret, nowSeconds: t }), odd).toEqual(
        {
          ok: false,
          reason: "mismatch",
        },
      );
    }
    expect(await verifySignature({ header: null, body, secret })).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("random strings", () => {
  it("are as long as asked, drawn only from the alphabet, and use all of it", () => {
    const value = randomString("ab", 4000);
    expect(value).toHaveLength(4000);
    expect(new Set(value)).toEqual(new Set(["a", "b"]));
    const odd = randomString("abc", 3000);
    // Rejection sampling keeps it uniform: each of three letters near a third.
    for (const letter of "abc") {
      const share = odd.split(letter).length - 1;
      expect(share).toBeGreaterThan(800);
      expect(share).toBeLessThan(1200);
    }
    expect(randomString("xyz", 1)).toMatch(/^[xyz]$/);
  });

  it("stay uniform over the id alphabet, where 256 is no multiple of its 57 symbols", () => {
    // Without rejection, 28 of the 57 symbols would come 25% more often than the others (about
    // 4,450 against 3,560 of 228,000); each bound is 4.8 standard deviations from 4,000.
    const counts = new Map<string, number>();
    const drawn = Array.from({ length: 228 }, () => randomString(SHORTUUID_ALPHABET, 1000)).join("");
    for (const c of drawn) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(57);
    for (const [symbol, count] of counts) {
      expect(count, symbol).toBeGreaterThan(3700);
      expect(count, symbol).toBeLessThan(4300);
    }
  });
});

describe("pinned by an independent oracle", () => {
  it("signs the documented bytes, t + '.' + body, with HMAC-SHA256 of the secret's UTF-8", async () => {
    const { createHmac } = await import("node:crypto");
    const secret = "c".repeat(64);
    const body = '{"id":"evt_1","type":"offer.updated"}';
    const expected = createHmac("sha256", secret).update(`1800000000.${body}`).digest("hex");
    expect(await computeSignature(secret, 1_800_000_000, body)).toBe(expected);
  });

  it("reads a t that is not only digits as no timestamp: a malformed header", async () => {
    expect(parseSignatureHeader("t=x12,v1=ab")).toBeNull();
    expect(await verifySignature({ header: "t=x12,v1=ab", body: "{}", secret: "s" })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});

describe("the details of a refusal", () => {
  it("name a record key's own message, a nested field by its dotted path, and the body for the root", () => {
    const keyed = z.object({ metadata: z.record(z.string().max(3, "Keys are short."), z.string()) });
    expect(() => parseJsonBody('{"metadata":{"toolong":"v"}}', keyed)).toThrow(
      expect.objectContaining({ details: [{ field: "metadata.toolong", message: "Keys are short." }] }),
    );
    const nested = z.object({ a: z.object({ b: z.number() }) });
    expect(() => parseJsonBody('{"a":{"b":"x"}}', nested)).toThrow(
      expect.objectContaining({ details: [{ field: "a.b", message: expect.any(String) }] }),
    );
    const root = z.object({}).refine(() => false, "Nope.");
    expect(() => parseJsonBody("{}", root)).toThrow(
      expect.objectContaining({ details: [{ field: "body", message: "Nope." }] }),
    );
  });
});
