import { request } from "@playwright/test";
import { readFileSync } from "node:fs";
import { e2e, portalUrl, serverLogs } from "../support/env";
import { expect, test } from "../support/fixtures";

interface LogLine {
  level: string;
  time: string;
  msg: string;
  request_id?: string;
  method?: string;
  route?: string;
  status?: number;
  duration_ms?: number;
}

/**
 * The portal's log after a scripted session: one JSON line per request with its id, the same id
 * on the line about that request's failed upstream call, and never the key, a secret or the
 * session cookie.
 */
test("a session's log: one JSON line per request, each with its id, none carrying the key, a secret or the cookie", async ({
  receiver,
}) => {
  const start = readFileSync(serverLogs.portal, "utf8").length;
  const api = await request.newContext({ baseURL: portalUrl() });
  const run = `logs-${Date.now()}`;
  const ids: string[] = [];
  const call = async (method: string, path: string, data?: unknown) => {
    const id = `${run}-${ids.length}`;
    ids.push(id);
    const res = await api.fetch(path, {
      method,
      data,
      headers: { "X-Request-Id": id, "Sec-Fetch-Site": "same-origin" },
    });
    expect(res.headers()["x-request-id"], `${method} ${path}`).toBe(id);
    return res;
  };

  expect((await call("POST", "/api/session", { api_key: e2e.keys.orgA })).status()).toBe(200);
  const created = await call("POST", "/api/webhooks/endpoints", {
    url: receiver.url,
    description: "Log check",
  });
  expect(created.status(), await created.text()).toBe(201);
  const endpoint = (await created.json()) as { id: string; signing_secret: string };
  const rotated = await call("POST", `/api/webhooks/endpoints/${endpoint.id}/rotate-secret`);
  const secret2 = ((await rotated.json()) as { signing_secret: string }).signing_secret;
  expect((await call("GET", `/api/webhooks/endpoints/${endpoint.id}`)).status()).toBe(200);
  expect(
    (await call("PATCH", `/api/webhooks/endpoints/${endpoint.id}`, { description: "Log check 2" })).status(),
  ).toBe(200);
  expect((await call("POST", `/api/webhooks/endpoints/${endpoint.id}/test`)).status()).toBe(200);
  expect((await call("GET", "/api/webhooks/deliveries")).status()).toBe(200);
  expect((await call("GET", "/webhooks")).status()).toBe(200);
  // A well-formed id Closient does not know: the upstream's 404 is logged under the same id.
  const missing = "NoSuchEndpoint23456789";
  expect((await call("GET", `/api/webhooks/endpoints/${missing}`)).status()).toBe(404);
  const cookie = (await api.storageState()).cookies.find((c) => c.name === "closient_portal")?.value;
  expect(cookie, "the session cookie").toBeTruthy();
  expect((await call("DELETE", "/api/session")).status()).toBe(204);
  await api.dispose();

  const read = () => readFileSync(serverLogs.portal, "utf8").slice(start);
  await expect.poll(() => ids.every((id) => read().includes(`"request_id":"${id}"`))).toBe(true);
  const text = read();
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      throw new Error(`Not a JSON log line: ${line}`);
    }
  });
  for (const id of ids) {
    const access = parsed.filter((l) => l.request_id === id && l.msg === "request");
    expect(access, `access lines of ${id}`).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: "info",
      method: expect.any(String),
      route: expect.stringMatching(/^\//),
      status: expect.any(Number),
      duration_ms: expect.any(Number),
    });
    expect(Number.isNaN(Date.parse(access[0]!.time))).toBe(false);
  }
  const missingId = ids[ids.length - 2];
  expect(parsed.filter((l) => l.request_id === missingId).map((l) => l.msg)).toEqual(
    expect.arrayContaining(["upstream call failed", "request"]),
  );
  for (const [what, value] of Object.entries({
    "the API key": e2e.keys.orgA,
    "the first secret": endpoint.signing_secret,
    "the rotated secret": secret2,
    "the session cookie": cookie!,
  })) {
    expect(text.includes(value), `the log holds ${what}`).toBe(false);
  }
});
