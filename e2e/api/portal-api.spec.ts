import { request as playwrightRequest } from "@playwright/test";
import { seal } from "../../lib/server/session-seal";
import { e2e, portalUrl } from "../support/env";
import { expect, signedInRequest, test, upstreamRequests } from "../support/fixtures";

const unknownId = "23456789ABCDEFGHJKLMNP";

test.describe("session", () => {
  test("signs in, tells who is signed in without the key, and signs out", async () => {
    const api = await playwrightRequest.newContext({ baseURL: portalUrl() });
    const res = await api.post("/api/session", { data: { api_key: e2e.keys.orgA } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({
      organization: { name: expect.any(String) },
      role: "owner",
      sandbox: true,
    });
    const cookie = res.headers()["set-cookie"] ?? "";
    expect(cookie).toMatch(/^closient_portal=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i); // next start runs in production mode
    expect(cookie).toMatch(/Max-Age=\d+/i);
    expect(cookie).not.toContain(e2e.keys.orgA);

    const who = await api.get("/api/session");
    expect(who.status()).toBe(200);
    expect(JSON.stringify(await who.json())).not.toContain(e2e.keys.orgA);

    expect((await api.delete("/api/session")).status()).toBe(204);
    expect((await api.get("/api/session")).status()).toBe(401);
    expect((await api.get("/api/webhooks/endpoints")).status()).toBe(401);
    await api.dispose();
  });

  test("refuses a malformed key locally and an unknown key after asking upstream", async () => {
    const api = await playwrightRequest.newContext({ baseURL: portalUrl() });
    const before = await upstreamRequests();
    const malformed = await api.post("/api/session", { data: { api_key: "csb_notakey" } });
    expect(malformed.status()).toBe(422);
    expect((await malformed.json()).error.details[0].field).toBe("api_key");
    expect(await upstreamRequests()).toBe(before);

    const unknown = `csb_${"Z".repeat(32)}_${await import("../../lib/closient/api-key").then((m) => m.crc32Hex("Z".repeat(32)))}`;
    const refused = await api.post("/api/session", { data: { api_key: unknown } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("UNAUTHORIZED");
    expect(await upstreamRequests()).toBe(before + 1);
    await api.dispose();
  });

  test("a seal dies at its own expiry, though the portal opened it a moment before", async () => {
    // Sealed as if 3,597 s ago with an hour to live: it expires in about 3 s.
    const token = await seal(
      { key: e2e.keys.orgA, org: { id: "x", name: "Sandbox organization" }, desc: "", role: "" },
      e2e.sessionSecret,
      { maxAgeSeconds: 3600, now: new Date(Date.now() - 3597_000) },
    );
    const api = await playwrightRequest.newContext({
      baseURL: portalUrl(),
      extraHTTPHeaders: { Cookie: `closient_portal=${token}` },
    });
    expect((await api.get("/api/webhooks/endpoints?limit=1")).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const late = await api.get("/api/webhooks/endpoints?limit=1");
    expect(late.status()).toBe(401);
    expect((await late.json()).error.code).toBe("UNAUTHORIZED");
    await api.dispose();
  });
});

test.describe("proxy routes", () => {
  test("answer without a session with 401 in the envelope", async () => {
    const api = await playwrightRequest.newContext({ baseURL: portalUrl() });
    const calls = [
      api.get("/api/webhooks/endpoints"),
      api.post("/api/webhooks/endpoints", { data: {} }),
      api.get(`/api/webhooks/endpoints/${unknownId}`),
      api.patch(`/api/webhooks/endpoints/${unknownId}`, { data: {} }),
      api.post(`/api/webhooks/endpoints/${unknownId}/rotate-secret`),
      api.post(`/api/webhooks/endpoints/${unknownId}/test`),
      api.get("/api/webhooks/deliveries"),
      api.post(`/api/webhooks/deliveries/${unknownId}/replay`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status(), res.url()).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    }
    await api.dispose();
  });

  test("refuse bad input locally: 400, 422 with details, 404, 413, and no upstream call", async ({ api }) => {
    const before = await upstreamRequests();
    const malformed = await api.post("/api/webhooks/endpoints", {
      headers: { "Content-Type": "application/json" },
      data: "{oops",
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("BAD_REQUEST");

    const invalid = await api.post("/api/webhooks/endpoints", {
      data: { url: "ftp://x", event_types: ["ping"], metadata: { k: "v".repeat(501) }, bogus: 1 },
    });
    expect(invalid.status()).toBe(422);
    const fields = (await invalid.json()).error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["url", "event_types.0", "metadata.k", "bogus"]));

    const badPatch = await api.patch(`/api/webhooks/endpoints/${unknownId}`, {
      data: { description: "d".repeat(256) },
    });
    expect(badPatch.status()).toBe(422);
    for (const path of [
      "/api/webhooks/endpoints/not-an-id",
      "/api/webhooks/endpoints/0OIl0OIl0OIl0OIl0OIl0O",
    ]) {
      const res = await api.get(path);
      expect(res.status(), path).toBe(404);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
    expect((await api.post("/api/webhooks/endpoints/nope/rotate-secret")).status()).toBe(404);
    expect((await api.post("/api/webhooks/deliveries/nope/replay")).status()).toBe(404);
    expect((await api.get("/api/webhooks/endpoints?page=0")).status()).toBe(422);
    expect((await api.get("/api/webhooks/deliveries?status=lost")).status()).toBe(422);
    const huge = await api.post("/api/webhooks/endpoints", {
      data: { url: "https://e.com", description: "x".repeat(1024 * 1024) },
    });
    expect(huge.status()).toBe(413);
    expect(await upstreamRequests()).toBe(before);
  });

  test("refuse cross-site mutations with 403 and accept same-origin ones", async ({ api }) => {
    const crossSite = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
    const before = await upstreamRequests();
    for (const res of await Promise.all([
      api.post("/api/webhooks/endpoints", { headers: crossSite, data: { url: "https://e.com" } }),
      api.patch(`/api/webhooks/endpoints/${unknownId}`, { headers: crossSite, data: {} }),
      api.post(`/api/webhooks/endpoints/${unknownId}/rotate-secret`, { headers: crossSite }),
      api.post(`/api/webhooks/endpoints/${unknownId}/test`, { headers: crossSite }),
      api.post(`/api/webhooks/deliveries/${unknownId}/replay`, { headers: crossSite }),
      api.post("/api/session", { headers: crossSite, data: { api_key: e2e.keys.orgA } }),
      api.delete("/api/session", { headers: crossSite }),
      api.post("/api/webhooks/endpoints", {
        headers: { Origin: "https://evil.example" },
        data: { url: "https://e.com" },
      }),
    ])) {
      expect(res.status(), res.url()).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    expect(await upstreamRequests()).toBe(before);
    const sameOrigin = await api.post("/api/webhooks/endpoints", {
      headers: { Origin: portalUrl(), "Sec-Fetch-Site": "same-origin" },
      data: { url: "https://same-origin.example/hook" },
    });
    expect(sameOrigin.status()).toBe(201);
  });

  test("proxy every operation with the upstream's shapes, no-store, and the secret only on create and rotate", async ({
    api,
  }) => {
    const created = await api.post("/api/webhooks/endpoints", {
      data: {
        url: "http://127.0.0.1:9/proxy-hook",
        event_types: ["offer.updated"],
        metadata: { env: "e2e" },
      },
    });
    expect(created.status()).toBe(201);
    expect(created.headers()["cache-control"]).toBe("no-store");
    const endpoint = await created.json();
    expect(endpoint.signing_secret).toMatch(/^[0-9a-f]{64}$/);
    const masked = `${endpoint.signing_secret.slice(0, 8)}...`;

    const list = await api.get("/api/webhooks/endpoints?metadata[env]=e2e");
    expect(list.headers()["cache-control"]).toBe("no-store");
    const page = await list.json();
    expect(page.pagination).toMatchObject({ page: 1, page_size: 50 });
    expect(page.data.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    expect(JSON.stringify(page)).not.toContain(endpoint.signing_secret);

    const got = await (await api.get(`/api/webhooks/endpoints/${endpoint.id}`)).json();
    expect(got.signing_secret).toBe(masked);
    const patched = await api.patch(`/api/webhooks/endpoints/${endpoint.id}`, {
      data: { metadata: { team: "core" } },
    });
    expect((await patched.json()).metadata).toEqual({ env: "e2e", team: "core" });

    const rotated = await (await api.post(`/api/webhooks/endpoints/${endpoint.id}/rotate-secret`)).json();
    expect(rotated.signing_secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.signing_secret).not.toBe(endpoint.signing_secret);

    const ping = await api.post(`/api/webhooks/endpoints/${endpoint.id}/test`);
    expect(ping.status()).toBe(200);
    expect(await ping.json()).toMatchObject({ delivery_id: expect.any(String), status: "failed" });
    const deliveries = await (await api.get(`/api/webhooks/deliveries?endpoint_id=${endpoint.id}`)).json();
    expect(deliveries.data[0]).toMatchObject({ event_type: "ping", attempts: 1 });
    const replay = await api.post(`/api/webhooks/deliveries/${deliveries.data[0].id}/replay`);
    expect(replay.status()).toBe(422); // a failed ping is not a dead letter: the upstream's envelope passes through
    expect((await replay.json()).error.code).toBe("VALIDATION_ERROR");
    const missing = await api.get(`/api/webhooks/endpoints/${unknownId}`);
    expect(missing.status()).toBe(404);
  });

  test("never let the API key reach the browser", async ({ api }) => {
    const responses = await Promise.all([
      api.get("/api/session"),
      api.get("/api/webhooks/endpoints"),
      api.post("/api/webhooks/endpoints", { data: { url: "https://leak.example/hook" } }),
      api.get("/api/webhooks/deliveries"),
      api.get("/webhooks"),
      api.get("/deliveries"),
      api.get("/sign-in"),
    ]);
    for (const res of responses) {
      const everything = JSON.stringify(res.headersArray()) + (await res.text());
      expect(everything, res.url()).not.toContain(e2e.keys.orgA);
    }
  });
});

test.describe("upstream failures", () => {
  test("a stopped upstream gives 502 UPSTREAM_UNAVAILABLE", async () => {
    const api = await signedInRequest(portalUrl(e2e.portalDownPort));
    const res = await api.get("/api/webhooks/endpoints");
    expect(res.status()).toBe(502);
    expect(await res.json()).toEqual({
      error: { code: "UPSTREAM_UNAVAILABLE", message: expect.any(String), status: 502, details: null },
    });
    await api.dispose();
  });

  test("a hanging upstream gives 504 UPSTREAM_TIMEOUT within its timeout", async () => {
    const api = await signedInRequest(portalUrl(e2e.portalStubPort));
    const started = Date.now();
    const res = await api.get("/api/webhooks/endpoints/23456789ABCDEFGHJKLMNP"); // the stub never answers it
    const elapsed = Date.now() - started;
    expect(res.status()).toBe(504);
    expect((await res.json()).error.code).toBe("UPSTREAM_TIMEOUT");
    expect(elapsed).toBeGreaterThanOrEqual(e2e.upstreamTimeoutMs - 100);
    expect(elapsed).toBeLessThan(e2e.upstreamTimeoutMs + 3000);
    await api.dispose();
  });
});

test.describe("a misbehaving upstream", () => {
  test("an upstream 401 ends the portal session", async () => {
    const api = await signedInRequest(portalUrl(e2e.portalStubPort));
    const res = await api.get("/api/webhooks/deliveries?status=failed");
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: "UNAUTHORIZED", message: "API key revoked." });
    // The session cookie is cleared in the same answer.
    expect(res.headers()["set-cookie"] ?? "").toMatch(/closient_portal=;.*Max-Age=0/i);
    await api.dispose();
  });

  test("an unreadable answer is a 502, never the upstream's body", async () => {
    const api = await signedInRequest(portalUrl(e2e.portalStubPort));
    for (const status of ["pending", "delivered"]) {
      const res = await api.get(`/api/webhooks/deliveries?status=${status}`);
      expect(res.status(), status).toBe(502);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe("UPSTREAM_INVALID_RESPONSE");
      expect(text).not.toContain("Internal Server Error");
      expect(text).not.toContain("not a page");
    }
    await api.dispose();
  });
});

test("pages carry the security headers", async () => {
  const api = await playwrightRequest.newContext({ baseURL: portalUrl() });
  const res = await api.get("/sign-in");
  const headers = res.headers();
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The nonce is fresh on every request.
  const again = (await api.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  await api.dispose();
});
