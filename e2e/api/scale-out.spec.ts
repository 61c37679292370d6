import { request, type APIRequestContext } from "@playwright/test";
import { e2e, portalUrl } from "../support/env";
import { expect, test } from "../support/fixtures";

/**
 * The portal keeps no state of its own: two instances serve one admin with one cookie, and
 * SESSION_SECRET can be rotated without signing anyone out (the rotated instance has the suite's
 * secret as SESSION_SECRET_PREVIOUS).
 */
const COOKIE = "closient_portal";

function withCookie(port: number, value: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: portalUrl(port), extraHTTPHeaders: { Cookie: `${COOKIE}=${value}` } });
}

function sealedIn(setCookie: string | undefined): string | null {
  return new RegExp(`${COOKIE}=([^;]+)`).exec(setCookie ?? "")?.[1] ?? null;
}

test("two instances serve one admin with one cookie, and a rotated SESSION_SECRET signs no one out", async () => {
  const main = await request.newContext({ baseURL: portalUrl() });
  expect((await main.post("/api/session", { data: { api_key: e2e.keys.orgA } })).status()).toBe(200);
  const old = (await main.storageState()).cookies.find((c) => c.name === COOKIE)!.value;
  const other = await withCookie(e2e.portalRotatedPort, old);

  // Scale-out: written through one instance, read and changed through the other, same cookie.
  const created = await main.post("/api/webhooks/endpoints", {
    data: { url: "https://scale-out.example/hook", description: "Two instances" },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  const read = await other.get(`/api/webhooks/endpoints/${id}`);
  expect(read.status()).toBe(200);
  expect((await read.json()).description).toBe("Two instances");
  expect(
    (
      await other.patch(`/api/webhooks/endpoints/${id}`, { data: { description: "Changed on the other" } })
    ).status(),
  ).toBe(200);
  expect((await (await main.get(`/api/webhooks/endpoints/${id}`)).json()).description).toBe(
    "Changed on the other",
  );

  // Rotation: the rotated instance opened the old cookie, and sealed it again with its new secret.
  const renewed = sealedIn(read.headers()["set-cookie"]);
  expect(renewed, "the first answer re-seals a cookie of the previous secret").not.toBeNull();
  expect(renewed).not.toBe(old);
  const fresh = await withCookie(e2e.portalRotatedPort, renewed!);
  const session = await fresh.get("/api/session");
  expect(session.status()).toBe(200);
  expect(sealedIn(session.headers()["set-cookie"]), "a current cookie is not re-sealed at once").toBeNull();
  // Only the new secret opens it: an instance that still has just the old secret refuses it.
  const stale = await withCookie(e2e.portalPort, renewed!);
  expect((await stale.get("/api/session")).status()).toBe(401);

  await Promise.all([main, other, fresh, stale].map((c) => c.dispose()));
});
