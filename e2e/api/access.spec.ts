import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { can, type AccessRole, type Capability } from "../../lib/access/roles";
import { freePort, freePorts, sandboxClient } from "../../harness/sandbox-client";
import { postgresAvailable, startPostgres } from "../../harness/postgres";
import { e2e, portalUrl, sandboxUrl, TEAM } from "../support/env";
import { expect, test, upstreamRequests } from "../support/fixtures";
import { signInTo, startPortal } from "../support/portal-process";
import { seedEndpoint } from "../support/seed";

/*
 * Team access, through a portal of its own: for each role, every route that changes something is
 * tried; what the role may do succeeds, the rest answers 403 in the usual envelope and the sandbox
 * sees no call for it. A link opens once, within its day, and never when revoked, forged or cut
 * short; a revocation on one instance ends the session on the other's next request (PostgreSQL).
 * The stored key is in no answer and not in clear in the store.
 */

test.describe.configure({ mode: "serial" });

let port = 0;
let portal: ChildProcess;
let dbFile = "";
const ADMIN_KEY = e2e.keys.bob;

const call = async (cookie: string, method: string, path: string, body?: unknown, at = port) => {
  const res = await fetch(`${portalUrl(at)}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      Origin: portalUrl(at),
      Cookie: cookie,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, cookie: res.headers.getSetCookie()[0]?.split(";")[0] ?? null };
};

/** Makes a link as `admin` and opens it: answers the holder's session cookie. */
async function holder(admin: string, role: "viewer" | "on_call", name: string, at = port) {
  const made = await call(admin, "POST", "/api/access/links", { name, role, expires_in_hours: 2 }, at);
  expect(made.status, made.text).toBe(201);
  const { url, id } = JSON.parse(made.text) as { url: string; id: string };
  const token = url.split("#")[1]!;
  const opened = await call("", "POST", "/api/access/redeem", { token }, at);
  expect(opened.status, opened.text).toBe(200);
  return { cookie: opened.cookie!, token, id };
}

test.beforeAll(async () => {
  port = await freePort();
  dbFile = join(e2e.dataDir, `portal-access-${port}.db`);
  portal = await startPortal(port, `file:${dbFile}`);
});
test.afterAll(() => {
  portal?.kill("SIGKILL");
});

test("each role may do what it is given, and every other change answers 403 without reaching Closient", async () => {
  test.setTimeout(120_000);
  const admin = await signInTo(port, ADMIN_KEY);
  expect((await call(admin, "PUT", "/api/access/key", {})).status).toBe(200);
  const viewer = await holder(admin, "viewer", "Vera Viewer");
  const onCall = await holder(admin, "on_call", "oncall@brand.example");

  // What the routes act on: an endpoint, a dead letter, a channel, a grant.
  const team = sandboxClient(sandboxUrl, e2e.keys.teamD);
  const type = `access.e2e.${Date.now().toString(36)}`;
  const endpoint = await seedEndpoint(
    { url: `http://127.0.0.1:${e2e.closedPort}/hook`, description: "Access check", event_types: [type] },
    e2e.keys.teamD,
  );
  await team.post("/_sandbox/events", { type, data: {} });
  await expect
    .poll(
      async () =>
        (
          (await team.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}&status=dead_letter`)).body
            .data as unknown[]
        ).length,
    )
    .toBe(1);
  const [dead] = (await team.get(`webhooks/deliveries/?endpoint_id=${endpoint.id}&status=dead_letter`)).body
    .data as { id: string }[];
  const channel = JSON.parse(
    (await call(admin, "POST", "/api/alerts/channels", { type: "email", to: "team@brand.example" })).text,
  ) as { id: string };
  const spare = await holder(admin, "viewer", "Spare");

  const routes: [Capability | "read", string, string, unknown?][] = [
    ["read", "GET", "/api/webhooks/endpoints"],
    ["read", "GET", `/api/webhooks/deliveries?endpoint_id=${endpoint.id}`],
    ["read", "GET", "/api/activity"],
    ["read", "GET", "/api/alerts"],
    [
      "endpoints.manage",
      "POST",
      "/api/webhooks/endpoints",
      { url: "https://access.example/new", description: "New" },
    ],
    ["endpoints.manage", "PATCH", `/api/webhooks/endpoints/${endpoint.id}`, { description: "Renamed" }],
    ["endpoints.pause", "PATCH", `/api/webhooks/endpoints/${endpoint.id}`, { is_active: false }],
    ["endpoints.pause", "PATCH", `/api/webhooks/endpoints/${endpoint.id}`, { is_active: true }],
    ["endpoints.test", "POST", `/api/webhooks/endpoints/${endpoint.id}/test`],
    ["deliveries.replay", "POST", `/api/webhooks/deliveries/${dead!.id}/replay`],
    ["secrets.rotate", "POST", `/api/webhooks/endpoints/${endpoint.id}/rotate-secret`],
    ["alerts.manage", "PUT", "/api/alerts/rule", { failing_after: 4, remind_every_hours: null }],
    ["alerts.manage", "PUT", "/api/alerts/watching", { keep_key: true }],
    ["alerts.manage", "DELETE", "/api/alerts/watching"],
    ["alerts.manage", "POST", "/api/alerts/channels", { type: "email", to: "more@brand.example" }],
    ["alerts.manage", "POST", `/api/alerts/channels/${channel.id}/test`],
    ["alerts.manage", "DELETE", `/api/alerts/channels/${channel.id}`],
    ["access.manage", "GET", "/api/access/grants"],
    ["access.manage", "POST", "/api/access/links", { name: "Another", role: "viewer", expires_in_hours: 1 }],
    ["access.manage", "DELETE", `/api/access/grants/${spare.id}`],
    ["access.manage", "PUT", "/api/access/key", {}],
  ];
  const results: string[] = [];
  for (const [role, cookie] of [
    ["viewer", viewer.cookie],
    ["on_call", onCall.cookie],
    ["admin", admin],
  ] as [AccessRole, string][]) {
    for (const [capability, method, path, body] of routes) {
      const before = await upstreamRequests();
      const res = await call(cookie, method, path, body);
      const allowed = capability === "read" || can(role, capability);
      if (allowed) {
        expect(res.status, `${role} ${method} ${path}: ${res.text}`).toBeLessThan(300);
      } else {
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(JSON.parse(res.text)).toMatchObject({ error: { code: "FORBIDDEN", status: 403 } });
        expect(await upstreamRequests(), `${role} ${method} ${path} reached Closient`).toBe(before);
      }
      // No answer to anyone carries the stored key.
      expect(res.text).not.toContain(ADMIN_KEY);
      results.push(`${role} ${method} ${path} ${res.status}`);
    }
  }
  test.info().annotations.push({ type: "matrix", description: results.join("\n") });

  // The log names each holder by name, role and who invited them.
  const onCallName = `oncall@brand.example (on call, invited by ${TEAM.bob})`;
  const log = JSON.parse(
    (await call(admin, "GET", `/api/activity?actor=${encodeURIComponent(onCallName)}&limit=50`)).text,
  ) as {
    data: { actor: { kind: string; name: string }; action: string }[];
  };
  expect(log.data.map((e) => e.action).sort()).toEqual(
    [
      "access.link_redeemed",
      "delivery.replayed",
      "endpoint.paused",
      "endpoint.resumed",
      "endpoint.tested",
    ].sort(),
  );
  for (const e of log.data) expect(e.actor).toMatchObject({ kind: "link", name: onCallName });

  // The store keeps the key sealed: not in clear in its file or write-ahead log.
  const store = [dbFile, `${dbFile}-wal`]
    .map((f) => readFileSync(f, { flag: "a+" }).toString("latin1"))
    .join("");
  expect(store).toContain(`${ADMIN_KEY.slice(0, 8)}...`);
  expect(store).not.toContain(ADMIN_KEY);
  expect(store).not.toContain(viewer.token);
});

test("a link opens once, within its day; a revoked, expired, forged or cut-short one opens nothing", async () => {
  const admin = await signInTo(port, ADMIN_KEY);
  const redeem = (token: string) => call("", "POST", "/api/access/redeem", { token });
  const used = await holder(admin, "viewer", "Twice");
  const again = await redeem(used.token);
  expect(again).toMatchObject({ status: 409, cookie: null });
  expect(again.text).toContain("used already");

  const made = async (name: string) => {
    const res = JSON.parse(
      (await call(admin, "POST", "/api/access/links", { name, role: "on_call", expires_in_hours: 1 })).text,
    ) as { url: string; id: string };
    return { token: res.url.split("#")[1]!, id: res.id };
  };
  const revoked = await made("Revoked");
  expect((await call(admin, "DELETE", `/api/access/grants/${revoked.id}`)).status).toBe(200);
  const r = await redeem(revoked.token);
  expect(r).toMatchObject({ status: 409, cookie: null });
  expect(r.text).toContain(`revoked by ${TEAM.bob}`);

  const late = await made("Late");
  const store = new Database(dbFile);
  store
    .prepare("update access_grant set redeem_by = ? where id = ?")
    .run(new Date(Date.now() - 1000).toISOString(), late.id);
  const l = await redeem(late.token);
  expect(l).toMatchObject({ status: 409, cookie: null });
  expect(l.text).toContain("within 24 hours");

  for (const token of [
    `${late.token.slice(0, 20)}`,
    late.token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
    "",
    "../../etc",
  ]) {
    const f = await redeem(token);
    expect(f, token).toMatchObject({ status: 400, cookie: null });
    expect(f.text).toContain("not valid");
  }

  // The session lasts as long as its grant (an installed app keeps it): here, 1 hour.
  const hour = await made("An hour");
  const opened = await fetch(`${portalUrl(port)}/api/access/redeem`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: portalUrl(port) },
    body: JSON.stringify({ token: hour.token }),
  });
  const maxAge = Number(/Max-Age=(\d+)/i.exec(opened.headers.getSetCookie()[0] ?? "")?.[1]);
  expect(maxAge).toBeGreaterThan(3_500);
  expect(maxAge).toBeLessThanOrEqual(3_600);

  // A session whose grant ends: its next request is refused, and it is signed out.
  const ending = await holder(admin, "on_call", "Ending");
  expect((await call(ending.cookie, "GET", "/api/webhooks/endpoints")).status).toBe(200);
  store
    .prepare("update access_grant set expires_at = ? where id = ?")
    .run(new Date(Date.now() - 1000).toISOString(), ending.id);
  store.close();
  expect((await call(ending.cookie, "GET", "/api/webhooks/endpoints")).status).toBe(401);
});

test("a revocation on one instance ends the session on the other's next request (PostgreSQL)", async () => {
  test.skip(!postgresAvailable(), "no PostgreSQL server here (CI installs it and requires this test)");
  test.setTimeout(90_000);
  const pg = await startPostgres();
  const url = await pg.database("access");
  const [a, b] = await freePorts(2);
  const portals = await Promise.all([startPortal(a!, url), startPortal(b!, url)]);
  try {
    const adminA = await signInTo(a!, ADMIN_KEY);
    expect((await call(adminA, "PUT", "/api/access/key", {}, a)).status).toBe(200);
    const held = await holder(adminA, "on_call", "Across", a);
    expect((await call(held.cookie, "GET", "/api/webhooks/endpoints", undefined, a)).status).toBe(200);
    expect((await call(held.cookie, "GET", "/api/webhooks/endpoints", undefined, b)).status).toBe(200);
    const adminB = await signInTo(b!, ADMIN_KEY);
    expect((await call(adminB, "DELETE", `/api/access/grants/${held.id}`, undefined, b)).status).toBe(200);
    expect((await call(held.cookie, "GET", "/api/webhooks/endpoints", undefined, a)).status).toBe(401);
  } finally {
    for (const p of portals) p.kill("SIGKILL");
    pg.stop();
  }
});
