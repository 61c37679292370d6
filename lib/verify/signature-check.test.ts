import { describe, expect, it } from "vitest";
import { generateSigningSecret, maskSecret } from "../closient/secret";
import { signatureHeader } from "../closient/signature";
import { diagnoseSignature, firstDifference, inspectHeader, secretProblem } from "./signature-check";

const secret = generateSigningSecret();
const previous = generateSigningSecret();
const body = JSON.stringify({ id: "evt_1", type: "offer.updated", data: { price: 12.5, note: "a\nb" } });
const t = 1_800_000_000;

async function check(overrides: Partial<Parameters<typeof diagnoseSignature>[0]> = {}) {
  const header = await signatureHeader({ secret, previousSecret: previous, timestamp: t, body });
  return diagnoseSignature({ body, header, secret, now: t + 10, ...overrides });
}

describe("diagnoseSignature", () => {
  it("is valid with v1, and says how old the signature is", async () => {
    expect(await check()).toMatchObject({ kind: "valid", scheme: "v1", ageSeconds: 10, checkedAt: t + 10 });
  });

  it("is valid only with v1old when the secret is the previous one", async () => {
    expect(await check({ secret: previous })).toMatchObject({ kind: "valid", scheme: "v1old" });
  });

  it("is stale past 300 seconds, says how old, and still says the signature matched", async () => {
    expect(await check({ now: t + 301 })).toMatchObject({ kind: "stale", scheme: "v1", ageSeconds: 301 });
    expect(await check({ now: t + 300 })).toMatchObject({ kind: "valid" });
    expect(await check({ now: t - 400 })).toMatchObject({ kind: "stale", ageSeconds: -400 });
  });

  it("checks an old capture at the signature's own time when asked", async () => {
    expect(await check({ now: t + 86_400, atSignatureTime: true })).toMatchObject({
      kind: "valid",
      checkedAt: t,
      ageSeconds: 86_400,
    });
  });

  it("names a re-serialised body, a newline added or removed, and CRLF line ends", async () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expect(await check({ body: pretty })).toMatchObject({
      kind: "body-changed",
      change: "reserialised",
      scheme: "v1",
      difference: { index: 1, line: 1, column: 2, given: expect.stringMatching(/^\n {2}"id"/) },
    });
    expect(await check({ body: `${body}\n` })).toMatchObject({
      kind: "body-changed",
      change: "trailing-newline-added",
      difference: { index: body.length, given: "\n", expected: "" },
    });
    const header = await signatureHeader({ secret, timestamp: t, body: `${body}\n` });
    expect(await check({ header })).toMatchObject({
      kind: "body-changed",
      change: "trailing-newline-removed",
    });
    const crlfSource = '{"a":"x\ny"}\n{"b":1}';
    const crlfHeader = await signatureHeader({
      secret,
      timestamp: t,
      body: crlfSource.replace("\n{", "\n{"),
    });
    expect(await check({ header: crlfHeader, body: crlfSource.replace(/\n/g, "\r\n") })).toMatchObject({
      kind: "body-changed",
      change: "crlf",
    });
  });

  it("shows where the body first differs from a reference body that verifies", async () => {
    const edited = body.replace("12.5", "12.75");
    expect(await check({ body: edited, referenceBody: body })).toMatchObject({
      kind: "body-changed",
      change: "other",
      difference: {
        index: body.indexOf("12.5") + 3,
        context: expect.stringMatching(/12\.$/),
        given: expect.stringMatching(/^75,/),
      },
    });
  });

  it("blames the secret when the reference does not verify either, or the prefix differs", async () => {
    const other = generateSigningSecret();
    expect(await check({ secret: other, referenceBody: body.replace("12.5", "13") })).toEqual({
      kind: "wrong-secret",
      why: "reference",
    });
    expect(await check({ secret: other, maskedSecret: maskSecret(secret) })).toEqual({
      kind: "wrong-secret",
      why: "prefix",
      expectedPrefix: secret.slice(0, 8),
    });
    expect(await check({ secret: other })).toEqual({ kind: "wrong-secret", why: "closient-form" });
  });

  it("cannot tell when an edited body is not in Closient's form and no variant verifies", async () => {
    expect(await check({ body: `${body.slice(0, -1)}, "x": 1}` })).toMatchObject({ kind: "no-match" });
  });

  it("names what is wrong with the secret", async () => {
    expect(await check({ secret: maskSecret(secret) })).toMatchObject({
      kind: "malformed-secret",
      problem: expect.stringContaining("masked form"),
    });
    expect(await check({ secret: ` ${secret}` })).toMatchObject({
      problem: expect.stringContaining("spaces"),
    });
    expect(await check({ secret: secret.slice(0, 40) })).toMatchObject({
      problem: expect.stringContaining("this one has 40 characters"),
    });
    expect(await check({ secret: "" })).toMatchObject({ kind: "malformed-secret" });
  });
});

describe("inspectHeader", () => {
  const v1 = "a".repeat(64);
  it.each([
    ["", /empty/],
    [`v1=${v1}`, /no t=/],
    [`t=${t}`, /no v1=/],
    [`t=${t}000,v1=${v1}`, /milliseconds/],
    [`t=soon,v1=${v1}`, /not a Unix time/],
    [`t=${t},v1=${v1.slice(0, 40)}`, /40 hex characters/],
    [`t=${t},v1=${v1.toUpperCase()}`, /upper case/],
    [`t=${t},v1=${"z".repeat(64)}`, /not hexadecimal/],
    [`t=${t}, v1=${v1}`, /spaces/],
    [`"t=${t},v1=${v1}"`, /quotes/],
    [`t=${t},v1=${v1},`, /empty element/],
    [`t=${t},v2=${v1}`, /"v2" is not part/],
    [`t=${t},t=${t},v1=${v1}`, /more than one t/],
    [`t=${t};v1=${v1}`, /not a Unix time/],
  ])("%j is malformed: %s", (header, problem) => {
    const { problems } = inspectHeader(header);
    expect(problems.join(" ")).toMatch(problem);
  });

  it("reads a good header, with or without its name in front", () => {
    for (const header of [`t=${t},v1=${v1},v1old=${v1}`, `X-Closient-Signature: t=${t},v1=${v1}`]) {
      const { parsed, problems } = inspectHeader(header);
      expect(problems).toEqual([]);
      expect(parsed?.timestamp).toBe(t);
    }
  });

  it("diagnoses a malformed header before anything else", async () => {
    expect(await diagnoseSignature({ body, header: "v1=abc", secret, now: t })).toMatchObject({
      kind: "malformed-header",
    });
  });
});

describe("firstDifference", () => {
  it("gives line and column of the first difference, and nothing for equal texts", () => {
    expect(firstDifference("ab\ncd", "ab\nce")).toEqual({
      index: 4,
      line: 2,
      column: 2,
      context: "ab\nc",
      given: "d",
      expected: "e",
    });
    expect(firstDifference("same", "same")).toBeNull();
  });
});

describe("what is wrong with a pasted header or secret", () => {
  it("names each problem of a pasted header", () => {
    const hex = "b".repeat(64);
    const t = 1_800_000_000;
    const problems = (raw: string) => inspectHeader(raw).problems;
    expect(inspectHeader(`X-Closient-Signature: t=${t},v1=${hex}`)).toEqual({
      parsed: { timestamp: t, v1: [hex], v1old: [] },
      problems: [],
    });
    expect(problems("  ")).toEqual(["The header is empty."]);
    expect(problems(`"t=${t},v1=${hex}"`)).toEqual([
      "The value is wrapped in quotes: a receiver sees the quotes as part of it.",
    ]);
    expect(problems(`t=${t},,v1=${hex}`)).toEqual([
      "It has an empty element (two commas in a row, or a trailing comma).",
    ]);
    expect(problems(`t=${t}, v1=${hex}`)).toEqual([`"v1=${hex}" has spaces around it: Closient sends none.`]);
    expect(problems(`t=${t},nonsense,v1=${hex}`)).toEqual(['"nonsense" is not a name=value pair.']);
    expect(problems(`t=${t}000,v1=${hex}`)).toEqual([
      `t=${t}000 looks like milliseconds: t is Unix seconds.`,
    ]);
    expect(problems(`t=soon,v1=${hex}`)).toEqual(["t=soon is not a Unix time in seconds."]);
    expect(problems(`t=${t},t=${t},v1=${hex}`)).toEqual(["It has more than one t."]);
    expect(problems(`v1=${hex}`)).toEqual(["It has no t=… timestamp."]);
    expect(problems(`t=${t}`)).toEqual(["It has no v1=… signature."]);
    expect(problems(`t=${t},v1=${hex.toUpperCase()}`)).toEqual([
      "v1= is in upper case: Closient sends lower-case hex.",
    ]);
    expect(problems(`t=${t},v1=${hex.slice(2)}`)).toEqual([
      "v1= has 62 hex characters, not 64: the header was cut short or joined.",
    ]);
    expect(problems(`t=${t},v1=${hex},v1old=zz`)).toEqual([
      "v1old= is not hexadecimal (HMAC-SHA256 in lower-case hex, 64 characters).",
    ]);
    expect(problems(`t=${t},v1=${hex},v2=${hex}`)).toEqual([
      '"v2" is not part of the Closient header (expected t, v1 and maybe v1old).',
    ]);
  });

  it("tells an empty, a masked and a malformed secret apart", () => {
    expect(secretProblem("")).toBe("Enter the endpoint's signing secret.");
    expect(secretProblem("c".repeat(64))).toBeNull();
    expect(secretProblem(` ${"c".repeat(64)} `)).toBe(
      "The secret has spaces or a line break around it: remove them.",
    );
    expect(secretProblem("abcdefgh...")).toMatch(/masked/i);
    expect(secretProblem("xyz")).toMatch(
      /^A Closient signing secret is 64 lower-case hexadecimal characters; this one has 3/,
    );
  });
});
