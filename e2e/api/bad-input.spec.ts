import { request, type APIRequestContext } from "@playwright/test";
import { API_BASE } from "../../lib/closient/paths";
import { e2e, sandboxUrl } from "../support/env";
import { expect, signedInRequest, test, upstreamRequests } from "../support/fixtures";
import { seedEndpoint } from "../support/seed";

/**
 * The bad-input corpus: malformed requests to every portal route and every sandbox
 * route. Each expects its status and, for a refusal, the error envelope with that status. None may
 * give a 5xx; none that the portal can refuse itself may reach the upstream (`requests_served`);
 * both servers answer normally afterwards. RELIABILITY.md has the figures.
 */
type Target = "portal" | "sandbox";
interface Case {
  name: string;
  target: Target;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  query?: string;
  /** The sandbox's X-API-Key for this case, when not the suite's own; null sends none. */
  key?: string | null;
  body?: string | Buffer;
  /** Defaults to application/json when there is a body; null sends none. */
  type?: string | null;
  status: number;
  code?: string;
}

const ID = "AbCdEfGhJkLmNoPqRsTuVw"; // well-formed, but no such endpoint or delivery
const json = (value: unknown) => JSON.stringify(value);
const many = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
const types = (n: number) => many(n, (i) => `corpus.type_${i}`);
const metadata = (n: number) => Object.fromEntries(many(n, (i) => `k${i}`).map((k) => [k, "v"]));

const cases: Case[] = [];
const add = (
  target: Target,
  method: Case["method"],
  path: string,
  list: Omit<Case, "target" | "method" | "path">[],
) => list.forEach((c) => cases.push({ target, method, path, ...c }));

// Where a body is read, in each server: (target, method, path, a valid body).
const portalBodies = [
  ["POST", "/api/webhooks/endpoints"],
  ["PATCH", `/api/webhooks/endpoints/{endpoint}`],
  ["POST", "/api/session"],
] as const;
const sandboxBodies = [
  ["POST", `${API_BASE}/webhooks/endpoints/`],
  ["PATCH", `${API_BASE}/webhooks/endpoints/{endpoint}/`],
  ["POST", "/_sandbox/events"],
] as const;

const brokenJson = ["{oops", "", '{"url":', "{'url':'x'}", '{"url":"https://e.com",}', "NaN", "}{"];
const notObjects = ["[]", "123", '"a string"', "null", "true"];
const notUtf8 = [
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0xc3, 0x28, 0x7b, 0x7d]),
  Buffer.from("\ufeff{}", "utf16le"),
];
for (const [target, bodies] of [
  ["portal", portalBodies],
  ["sandbox", sandboxBodies],
] as const) {
  for (const [method, path] of bodies) {
    add(target, method, path, [
      ...brokenJson.map((body) => ({
        name: `broken JSON ${JSON.stringify(body)}`,
        body,
        status: 400,
        code: "BAD_REQUEST",
      })),
      ...notObjects.map((body) => ({
        name: `not an object: ${body}`,
        body,
        status: 400,
        code: "BAD_REQUEST",
      })),
      ...notUtf8.map((body, i) => ({ name: `not UTF-8 #${i + 1}`, body, status: 400, code: "BAD_REQUEST" })),
      {
        name: "over 1 MiB",
        body: json({ description: "x".repeat(1024 * 1024), type: "x", api_key: "x" }),
        status: 413,
        code: "BAD_REQUEST",
      },
    ]);
  }
}
// The portal reads JSON only: a form, text or no content type is refused before the body is read.
for (const [method, path] of portalBodies) {
  add("portal", method, path, [
    ...[
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "text/html",
    ].map((type) => ({
      name: `sent as ${type}`,
      body: json({ url: "https://e.com" }),
      type,
      status: 415,
      code: "BAD_REQUEST",
    })),
    {
      name: "no content type",
      body: json({ url: "https://e.com" }),
      type: null,
      status: 415,
      code: "BAD_REQUEST",
    },
  ]);
}

// Fields: wrong types, each limit past its edge, unknown fields, bad event types and URLs. The
// same rules in both servers (the shared schemas), so the same cases go to each.
const invalidEndpoints: [string, unknown][] = [
  ["url a number", { url: 123 }],
  ["url null", { url: null }],
  ["url a list", { url: ["https://e.com"] }],
  ["no url", { description: "x" }],
  ["description a number", { url: "https://e.com", description: 5 }],
  ["event_types a string", { url: "https://e.com", event_types: "offer.updated" }],
  ["event_types of numbers", { url: "https://e.com", event_types: [1] }],
  ["is_active a string", { url: "https://e.com", is_active: "yes" }],
  ["metadata a list", { url: "https://e.com", metadata: [] }],
  ["metadata a string", { url: "https://e.com", metadata: "k=v" }],
  ["metadata value a number", { url: "https://e.com", metadata: { k: 1 } }],
  ["metadata value an object", { url: "https://e.com", metadata: { k: {} } }],
  ["description of 256", { url: "https://e.com", description: "d".repeat(256) }],
  ["URL of 2049", { url: `https://e.com/${"p".repeat(2049 - 14)}` }],
  ["101 event types", { url: "https://e.com", event_types: types(101) }],
  ["an event type of 101", { url: "https://e.com", event_types: [`a.${"b".repeat(99)}`] }],
  ["51 metadata keys", { url: "https://e.com", metadata: metadata(51) }],
  ["a metadata key of 41", { url: "https://e.com", metadata: { ["k".repeat(41)]: "v" } }],
  ["a metadata value of 501", { url: "https://e.com", metadata: { k: "v".repeat(501) } }],
  ["an empty metadata key", { url: "https://e.com", metadata: { "": "v" } }],
  ["an unknown field", { url: "https://e.com", bogus: 1 }],
  ["signing_secret sent in", { url: "https://e.com", signing_secret: "a".repeat(64) }],
  ["the reserved ping", { url: "https://e.com", event_types: ["ping"] }],
  ["an event type in capitals", { url: "https://e.com", event_types: ["Offer.Updated"] }],
  ["an event type without a dot", { url: "https://e.com", event_types: ["offer"] }],
  ["a wildcard event type", { url: "https://e.com", event_types: ["offer.*"] }],
  ["an empty event type", { url: "https://e.com", event_types: [""] }],
  ["an ftp URL", { url: "ftp://e.com/hook" }],
  ["a javascript: URL", { url: "javascript:alert(1)" }],
  ["credentials in the URL", { url: "https://user:pw@e.com/hook" }],
  ["not a URL", { url: "not a url" }],
  ["an empty URL", { url: "" }],
];
for (const [target, path] of [
  ["portal", "/api/webhooks/endpoints"],
  ["sandbox", `${API_BASE}/webhooks/endpoints/`],
] as const) {
  add(
    target,
    "POST",
    path,
    invalidEndpoints.map(([name, body]) => ({
      name,
      body: json(body),
      status: 422,
      code: "VALIDATION_ERROR",
    })),
  );
}
// At the edge, the same fields are accepted: these go through to the sandbox and create endpoints.
const atTheEdge: [string, unknown][] = [
  ["description of 255", { url: "https://edge.example/a", description: "d".repeat(255) }],
  ["100 event types", { url: "https://edge.example/b", event_types: types(100) }],
  ["an event type of 100", { url: "https://edge.example/c", event_types: [`a.${"b".repeat(98)}`] }],
  ["50 metadata keys", { url: "https://edge.example/d", metadata: metadata(50) }],
  [
    "a metadata key of 40 and a value of 500",
    { url: "https://edge.example/e", metadata: { ["k".repeat(40)]: "v".repeat(500) } },
  ],
];
add(
  "portal",
  "POST",
  "/api/webhooks/endpoints",
  atTheEdge.map(([name, body]) => ({ name: `accepted: ${name}`, body: json(body), status: 201 })),
);

const invalidUpdates: [string, unknown][] = [
  ["description of 256", { description: "d".repeat(256) }],
  ["an unknown field", { bogus: 1 }],
  ["url a number", { url: 5 }],
  ["is_active a number", { is_active: 1 }],
  ["metadata a list", { metadata: ["k"] }],
  ["a metadata value of 501", { metadata: { k: "v".repeat(501) } }],
];
for (const [target, path] of [
  ["portal", "/api/webhooks/endpoints/{endpoint}"],
  ["sandbox", `${API_BASE}/webhooks/endpoints/{endpoint}/`],
] as const) {
  add(
    target,
    "PATCH",
    path,
    invalidUpdates.map(([name, body]) => ({ name, body: json(body), status: 422, code: "VALIDATION_ERROR" })),
  );
}
add("portal", "POST", "/api/session", [
  { name: "a malformed key", body: json({ api_key: "csb_notakey" }), status: 422, code: "VALIDATION_ERROR" },
  {
    name: "a key with a bad checksum",
    body: json({ api_key: `${e2e.keys.orgA.slice(0, -1)}${e2e.keys.orgA.endsWith("0") ? "1" : "0"}` }),
    status: 422,
    code: "VALIDATION_ERROR",
  },
  {
    name: "a publishable key",
    body: json({ api_key: e2e.keys.orgA.replace(/^csb_/, "cpk_") }),
    status: 422,
    code: "VALIDATION_ERROR",
  },
  { name: "no key", body: json({}), status: 422, code: "VALIDATION_ERROR" },
  {
    name: "a key and an unknown field",
    body: json({ api_key: e2e.keys.orgA, admin: true }),
    status: 422,
    code: "VALIDATION_ERROR",
  },
]);
add("sandbox", "POST", "/_sandbox/events", [
  { name: "no type", body: json({ data: {} }), status: 422, code: "VALIDATION_ERROR" },
  {
    name: "a type in capitals",
    body: json({ type: "Bad.Type", data: {} }),
    status: 422,
    code: "VALIDATION_ERROR",
  },
  {
    name: "data a list",
    body: json({ type: "corpus.event", data: [] }),
    status: 422,
    code: "VALIDATION_ERROR",
  },
]);

// Ids: malformed, of the wrong alphabet or length, traversal, on every route that takes one.
const badIds = [
  "not-an-id",
  "0OIl0OIl0OIl0OIl0OIl0O",
  "AbCdEfGhJkLmNoPqRsTuV",
  "AbCdEfGhJkLmNoPqRsTuVwX",
  "%00",
  "..%2F..%2Fsession",
  "%2e%2e",
  "x".repeat(1000),
  "AbCdEfGhJkLmNoPqRsTu%3Cs%3E",
];
for (const id of badIds) {
  const name = `id ${id.length > 30 ? `of ${id.length} characters` : JSON.stringify(id)}`;
  add("portal", "GET", `/api/webhooks/endpoints/${id}`, [{ name, status: 404, code: "NOT_FOUND" }]);
  add("portal", "PATCH", `/api/webhooks/endpoints/${id}`, [
    { name, body: json({ description: "x" }), status: 404, code: "NOT_FOUND" },
  ]);
  add("portal", "POST", `/api/webhooks/endpoints/${id}/rotate-secret`, [
    { name, status: 404, code: "NOT_FOUND" },
  ]);
  add("portal", "POST", `/api/webhooks/endpoints/${id}/test`, [{ name, status: 404, code: "NOT_FOUND" }]);
  add("portal", "POST", `/api/webhooks/deliveries/${id}/replay`, [{ name, status: 404, code: "NOT_FOUND" }]);
  add("sandbox", "GET", `${API_BASE}/webhooks/endpoints/${id}/`, [{ name, status: 404, code: "NOT_FOUND" }]);
  add("sandbox", "POST", `${API_BASE}/webhooks/deliveries/${id}/replay/`, [
    { name, status: 404, code: "NOT_FOUND" },
  ]);
  add("sandbox", "PATCH", `${API_BASE}/webhooks/endpoints/${id}/`, [
    { name, body: json({ description: "x" }), status: 404, code: "NOT_FOUND" },
  ]);
  add("sandbox", "POST", `${API_BASE}/webhooks/endpoints/${id}/rotate-secret/`, [
    { name, status: 404, code: "NOT_FOUND" },
  ]);
  add("sandbox", "POST", `${API_BASE}/webhooks/endpoints/${id}/test/`, [
    { name, status: 404, code: "NOT_FOUND" },
  ]);
}

// Query values.
const badEndpointQueries = [
  "page=0",
  "page=-1",
  "page=abc",
  "page=1.5",
  "page_size=0",
  "page_size=101",
  "page_size=x",
  `metadata[${"k".repeat(41)}]=v`,
  `metadata[k]=${"v".repeat(501)}`,
];
const badDeliveryQueries = [
  "status=lost",
  "status=DELIVERED",
  "created_after=yesterday",
  "created_before=2026-13-40T00:00:00Z",
  "page=0",
  "page_size=1000",
  "endpoint_id=../../x",
];
add(
  "portal",
  "GET",
  "/api/webhooks/endpoints",
  badEndpointQueries.map((q) => ({ name: q.slice(0, 40), query: q, status: 422, code: "VALIDATION_ERROR" })),
);
add(
  "portal",
  "GET",
  "/api/webhooks/deliveries",
  badDeliveryQueries.map((q) => ({ name: q, query: q, status: 422, code: "VALIDATION_ERROR" })),
);
add(
  "sandbox",
  "GET",
  `${API_BASE}/webhooks/endpoints/`,
  badEndpointQueries.map((q) => ({ name: q.slice(0, 40), query: q, status: 422, code: "VALIDATION_ERROR" })),
);
add(
  "sandbox",
  "GET",
  `${API_BASE}/webhooks/deliveries/`,
  badDeliveryQueries.map((q) => ({ name: q, query: q, status: 422, code: "VALIDATION_ERROR" })),
);

// Paths that are no route at all; a traversal out of /api lands on a page that does not exist.
for (const path of [
  "/api/nothing",
  "/api/webhooks",
  "/api/webhooks/endpoints/AbCdEfGhJkLmNoPqRsTuVw/nothing",
]) {
  add("portal", "GET", path, [{ name: "no such route", status: 404, code: "NOT_FOUND" }]);
}
add("portal", "GET", "/api/%2e%2e/%2e%2e/etc/passwd", [{ name: "traversal out of /api", status: 404 }]);

// Keys the sandbox must refuse, on its whoami and on a list.
for (const [name, key] of [
  ["no key", null],
  ["a malformed key", "csb_notakey"],
  ["an unknown key", `csb_${"Z".repeat(32)}_00000000`],
] as const) {
  for (const path of ["/account/api/v1/whoami", `${API_BASE}/webhooks/endpoints/`]) {
    cases.push({ target: "sandbox", method: "GET", path, key, name, status: 401, code: "UNAUTHORIZED" });
  }
}

// Methods a route does not serve.
const wrongMethods: [Target, Case["method"], string][] = [
  ["portal", "PUT", "/api/webhooks/endpoints"],
  ["portal", "DELETE", "/api/webhooks/endpoints"],
  ["portal", "PATCH", "/api/webhooks/endpoints"],
  ["portal", "POST", "/api/webhooks/endpoints/{endpoint}"],
  ["portal", "PUT", "/api/webhooks/endpoints/{endpoint}"],
  ["portal", "DELETE", "/api/webhooks/endpoints/{endpoint}"],
  ["portal", "GET", "/api/webhooks/endpoints/{endpoint}/rotate-secret"],
  ["portal", "GET", "/api/webhooks/endpoints/{endpoint}/test"],
  ["portal", "POST", "/api/webhooks/deliveries"],
  ["portal", "GET", `/api/webhooks/deliveries/${ID}/replay`],
  ["portal", "PUT", "/api/session"],
  ["portal", "GET", "/api/session/sandbox"],
  ["sandbox", "PUT", `${API_BASE}/webhooks/endpoints/`],
  ["sandbox", "DELETE", `${API_BASE}/webhooks/endpoints/{endpoint}/`],
  ["sandbox", "GET", `${API_BASE}/webhooks/endpoints/{endpoint}/rotate-secret/`],
  ["sandbox", "POST", `${API_BASE}/webhooks/deliveries/`],
];
for (const [target, method, path] of wrongMethods) {
  add(target, method, path, [{ name: "method not served", status: 405, code: "METHOD_NOT_ALLOWED" }]);
}

/** Portal refusals that must not reach the upstream: all but the accepted edges. */
const local = (c: Case) => c.target === "portal" && c.status !== 201;

test("the bad-input corpus: every refusal in the envelope, no 5xx, no needless upstream call", async () => {
  test.setTimeout(120_000);
  expect(cases.length).toBeGreaterThanOrEqual(150);
  const endpoint = await seedEndpoint({ url: "https://corpus.example/hook" });
  const portal = await signedInRequest();
  const upstream: APIRequestContext = await request.newContext({
    baseURL: sandboxUrl,
    extraHTTPHeaders: { "X-API-Key": e2e.keys.orgA },
  });
  const wrong: string[] = [];
  const leaked: string[] = [];
  for (const c of cases) {
    const path = c.path.replace("{endpoint}", endpoint.id);
    const url = c.query ? `${path}?${c.query}` : path;
    const headers: Record<string, string> = {};
    if (c.body !== undefined && c.type !== null) headers["Content-Type"] = c.type ?? "application/json";
    if (c.key !== undefined) headers["X-API-Key"] = c.key ?? "";
    const before = local(c) ? await upstreamRequests() : 0;
    const label = `${c.target} ${c.method} ${url.slice(0, 70)} (${c.name})`;
    const res = await (c.target === "portal" ? portal : upstream)
      .fetch(url, {
        method: c.method,
        headers,
        data: c.body,
        // A path that the server normalises (`%2e%2e`) is redirected: follow it to its answer.
        maxRedirects: 5,
      })
      .catch((error: Error) => {
        // A reset connection is a failure of its case, named with the others.
        wrong.push(`${label}: ${error.message.split("\n")[0]}`);
        return null;
      });
    if (!res) continue;
    const text = await res.text();
    let envelope: { error?: { code?: string; status?: number; message?: string } } = {};
    try {
      envelope = JSON.parse(text);
    } catch {
      /* checked below */
    }
    const ok =
      res.status() === c.status &&
      res.status() < 500 &&
      (c.code === undefined ||
        (envelope.error?.code === c.code && envelope.error.status === c.status && !!envelope.error.message));
    if (!ok) wrong.push(`${label}: ${res.status()} ${text.slice(0, 120)}`);
    if (res.status() === 405 && !res.headers()["allow"]) wrong.push(`${label}: 405 without Allow`);
    if (local(c) && (await upstreamRequests()) !== before) leaked.push(label);
  }
  console.log(
    `bad-input corpus: ${cases.length} cases, ${cases.filter((c) => c.target === "portal").length} portal, ${cases.filter((c) => c.target === "sandbox").length} sandbox; ${wrong.length} wrong, ${leaked.length} reached the upstream`,
  );
  expect(wrong).toEqual([]);
  expect(leaked, "refused by the portal, yet they reached the upstream").toEqual([]);

  // Both servers are still well.
  expect((await fetch(`${sandboxUrl}/_sandbox/health`)).status).toBe(200);
  expect((await portal.get("/api/session")).status()).toBe(200);
  expect((await portal.get("/api/webhooks/endpoints")).status()).toBe(200);
  await Promise.all([portal.dispose(), upstream.dispose()]);
});
