import { request } from "@playwright/test";
import { e2e, portalUrl } from "../support/env";
import { expect, test } from "../support/fixtures";

/** Liveness and readiness for load balancers: no session, and nothing of Closient's in the answer. */
async function get(port: number, path: string) {
  const context = await request.newContext(); // no cookie
  const res = await context.get(`${portalUrl(port)}${path}`);
  const out = {
    status: res.status(),
    body: (await res.json()) as Record<string, unknown>,
    headers: res.headers(),
  };
  await context.dispose();
  return out;
}

test("liveness answers without a session or an upstream", async () => {
  for (const port of [e2e.portalPort, e2e.portalDownPort]) {
    const live = await get(port, "/api/health");
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: "ok" });
    expect(live.headers["cache-control"]).toBe("no-store");
  }
});

test("readiness is 200 while Closient answers, and 503 with the reason when it is down or hangs", async () => {
  expect(await get(e2e.portalPort, "/api/health/ready")).toMatchObject({
    status: 200,
    // The portal's own store is reported beside it.
    body: { status: "ready", database: { dialect: "sqlite", status: "ok" } },
  });

  const down = await get(e2e.portalDownPort, "/api/health/ready");
  expect(down).toMatchObject({
    status: 503,
    body: { status: "not_ready", reason: "Closient could not be reached." },
  });
  // The stub upstream never answers whoami: the probe gives up after 2 s.
  const hanging = await get(e2e.portalStubPort, "/api/health/ready");
  expect(hanging).toMatchObject({
    status: 503,
    body: { status: "not_ready", reason: "Closient did not answer within 2 s." },
  });
  for (const answer of [down, hanging]) {
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain("127.0.0.1");
    expect(text).not.toContain(e2e.keys.orgA);
  }
});

test("readiness asks Closient at most once in 5 seconds", async () => {
  const calls = async () =>
    (
      (await (await fetch(`http://127.0.0.1:${e2e.driftPort}/_drift/seen`)).json()) as {
        whoami_calls: number;
      }
    ).whoami_calls;
  const before = await calls();
  // The drifted upstream answers whoami 401 without a key: it is up, so the portal is ready.
  for (let i = 0; i < 5; i++) {
    expect(await get(e2e.portalDriftPort, "/api/health/ready")).toMatchObject({ status: 200 });
  }
  expect((await calls()) - before).toBeLessThanOrEqual(1);
});
