import { describe, expect, it } from "vitest";
import { generateSigningSecret, maskSecret } from "../closient/secret";
import { signatureHeader } from "../closient/signature";
import { checkSignature, firstDifference, inspectHeader, secretProblem } from "./signature-check";

const secret = generateSigningSecret();
const previous = generateSigningSecret();
const body = JSON.stringify({ id: "evt_1", type: "offer.updated", data: { price: 12.5, note: "a\nb" } });
const t = 1_800_000_000;

async function check(overrides: Partial<Parameters<typeof checkSignature>[0]> = {}) {
  const header = await signatureHeader({ secret, previousSecret: previous, timestamp: t, body });
  return checkSignature({ body, header, secret, now: t + 10, ...overrides });
}

describe("checkSignature", () => {
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
    expect(await checkSignature({ body, header: "v1=abc", secret, now: t })).toMatchObject({
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

describe("the edges of the verdict", () => {
  const t = 1_800_000_000;
  const hex = "b".repeat(64);
  const problems = (raw: string) => inspectHeader(raw).problems;

  it("reads only a whole value as quoted, and trims each part before reading it", () => {
    expect(problems(`t=${t},v1=${hex}"`)).toEqual([
      `v1= is not hexadecimal (HMAC-SHA256 in lower-case hex, 64 characters).`,
    ]);
    expect(problems(`"t=${t},v1=${hex}`)).not.toContain(
      "The value is wrapped in quotes: a receiver sees the quotes as part of it.",
    );
    expect(problems(`t=${t}, ,v1=${hex}`)).toEqual([
      "It has an empty element (two commas in a row, or a trailing comma).",
    ]);
    expect(problems(`t=${t}, junk ,v1=${hex}`)).toEqual([
      '"junk" has spaces around it: Closient sends none.',
      '"junk" is not a name=value pair.',
    ]);
    expect(problems(`=x,t=${t},v1=${hex}`)).toEqual([
      '"" is not part of the Closient header (expected t, v1 and maybe v1old).',
    ]);
    expect(inspectHeader(`t=${t},v1=${hex} `).parsed?.v1).toEqual([hex]);
  });

  it("calls only a whole 13-digit t milliseconds, and only 1 to 12 digits seconds", () => {
    expect(problems(`t=x${t}000,v1=${hex}`)).toEqual([`t=x${t}000 is not a Unix time in seconds.`]);
    expect(problems(`t=${t}0000,v1=${hex}`)).toEqual([`t=${t}0000 is not a Unix time in seconds.`]);
    expect(problems(`t=${t}x,v1=${hex}`)).toEqual([`t=${t}x is not a Unix time in seconds.`]);
    expect(problems(`t=x${t},v1=${hex}`)).toEqual([`t=x${t} is not a Unix time in seconds.`]);
  });

  it("takes only a whole 64-hex value as a signature, in either case", () => {
    for (const odd of [`x${hex}`, `${hex}x`]) {
      expect(problems(`t=${t},v1=${odd}`)).toEqual([
        "v1= is not hexadecimal (HMAC-SHA256 in lower-case hex, 64 characters).",
      ]);
    }
    expect(problems(`t=${t},v1=${hex}${hex.toUpperCase()}`)).toEqual([
      "v1= has 128 hex characters, not 64: the header was cut short or joined.",
    ]);
    expect(problems(`t=${t},v1=x${hex.toUpperCase()}`)).toEqual([
      "v1= is not hexadecimal (HMAC-SHA256 in lower-case hex, 64 characters).",
    ]);
    expect(problems(`t=${t},v1=${hex.toUpperCase()}x`)).toEqual([
      "v1= is not hexadecimal (HMAC-SHA256 in lower-case hex, 64 characters).",
    ]);
  });

  it("says what is wrong with a secret, naming characters that are not lower-case hex", () => {
    expect(secretProblem(" abcdefgh... ")).toMatch(/^This is the masked form of a secret/);
    expect(secretProblem("abc")).toBe(
      "A Closient signing secret is 64 lower-case hexadecimal characters; this one has 3 characters.",
    );
    expect(secretProblem("ABC")).toBe(
      "A Closient signing secret is 64 lower-case hexadecimal characters; this one has 3 characters, some of them not lower-case hex.",
    );
    expect(secretProblem(`${"a".repeat(63)}Z`)).toMatch(/64 characters, some of them not lower-case hex\.$/);
  });

  it("finds where two bodies first differ, with what came before", () => {
    expect(firstDifference("abc", "abc")).toBeNull();
    expect(firstDifference("abcdef", "abcxef")).toMatchObject({
      index: 3,
      context: "abc",
      given: "def",
      expected: "xef",
    });
    expect(firstDifference("ab", "abc")).toMatchObject({ index: 2, given: "", expected: "c" });
    expect(firstDifference("abc", "ab")).toMatchObject({ index: 2, given: "c", expected: "" });
    const long = `${"x".repeat(30)}A`;
    expect(firstDifference(long, `${"x".repeat(30)}B`)).toMatchObject({ index: 30, context: "x".repeat(24) });
    expect(firstDifference("a\nbc", "a\nbd")).toMatchObject({ line: 2, column: 2 });
  });

  it("names a malformed header before anything else, and a malformed secret next", async () => {
    const body = '{"a":1}';
    expect(await checkSignature({ body, header: "v1=", secret, now: t })).toEqual({
      kind: "malformed-header",
      problems: [
        "v1= has 0 hex characters, not 64: the header was cut short or joined.",
        "It has no t=… timestamp.",
      ],
    });
    const header = await signatureHeader({ secret, timestamp: t, body });
    expect(await checkSignature({ body, header, secret: "abc", now: t })).toMatchObject({
      kind: "malformed-secret",
    });
  });

  it("tells a stale signature that matches nothing from a wrong secret, and a mangled body from a wrong one", async () => {
    const body = '{"a":1}';
    const header = await signatureHeader({ secret, timestamp: t, body });
    const other = generateSigningSecret();
    expect(await checkSignature({ body, header, secret: other, now: t + 1000 })).toEqual({
      kind: "stale",
      scheme: null,
      timestamp: t,
      ageSeconds: 1000,
      checkedAt: t + 1000,
    });
    expect(await checkSignature({ body, header, secret: other, now: t })).toEqual({
      kind: "wrong-secret",
      why: "closient-form",
    });
    expect(await checkSignature({ body: "not json", header, secret: other, now: t })).toEqual({
      kind: "no-match",
      bodyIsCompactJson: false,
    });
    // The masked secret's prefix decides, whatever the body.
    const withMask = (owner: string) =>
      checkSignature({ body, header, secret: other, now: t, maskedSecret: `${owner.slice(0, 8)}...` });
    expect(await withMask(secret)).toEqual({
      kind: "wrong-secret",
      why: "prefix",
      expectedPrefix: secret.slice(0, 8),
    });
    expect(await withMask(other)).toEqual({ kind: "wrong-secret", why: "closient-form" });
    // A reference body equal to the given one says nothing new.
    expect(await checkSignature({ body, header, secret: other, now: t, referenceBody: body })).toEqual({
      kind: "wrong-secret",
      why: "closient-form",
    });
    expect(await checkSignature({ body, header, secret: other, now: t, referenceBody: "" })).toEqual({
      kind: "wrong-secret",
      why: "closient-form",
    });
  });

  it("recognises each change a body can go through, and no change it did not", async () => {
    const body = '{"a":1,"b":"x"}';
    const header = await signatureHeader({ secret, timestamp: t, body });
    const diagnose = (given: string) => checkSignature({ body: given, header, secret, now: t });
    expect(await diagnose(`${body}\n\n`)).toMatchObject({
      kind: "body-changed",
      change: "trailing-newline-added",
    });
    expect(await diagnose(`${body}\r\n`)).toMatchObject({
      kind: "body-changed",
      change: "trailing-newline-added",
    });
    const crlf = '{"a":1,\r\n"b":"x"}';
    const crlfHeader = await signatureHeader({ secret, timestamp: t, body: '{"a":1,\n"b":"x"}' });
    expect(await checkSignature({ body: crlf, header: crlfHeader, secret, now: t })).toMatchObject({
      kind: "body-changed",
      change: "crlf",
    });
    expect(await diagnose('{"a": 1, "b": "x"}')).toMatchObject({
      kind: "body-changed",
      change: "reserialised",
    });
    expect(await diagnose('{"a":1,"b":"y"}')).toEqual({ kind: "wrong-secret", why: "closient-form" });
    expect(await diagnose("{broken")).toEqual({ kind: "no-match", bodyIsCompactJson: false });
  });
});
