import { request } from "@playwright/test";
import { e2e, portalUrl } from "../support/env";
import { expect, signedInRequest, test } from "../support/fixtures";

/**
 * Upstream faults: Closient stopped, hanging past the portal's timeout, answering 500,
 * HTML, malformed JSON, a response cut short, or 429. The portal answers each in the error
 * envelope within its timeout plus one second, and the page says what to do, with a retry.
 * The stub upstream makes the faults (e2e/support/stub-upstream.ts).
 */
const faults = [
  { name: "stopped", port: e2e.portalDownPort, fault: null, status: 502, code: "UPSTREAM_UNAVAILABLE" },
  {
    name: "hanging past the timeout",
    port: e2e.portalStubPort,
    fault: "fault.hang",
    status: 504,
    code: "UPSTREAM_TIMEOUT",
  },
  {
    name: "answering 500",
    port: e2e.portalStubPort,
    fault: "fault.error",
    status: 502,
    code: "UPSTREAM_UNAVAILABLE",
  },
  {
    name: "answering HTML",
    port: e2e.portalStubPort,
    fault: "fault.html",
    status: 502,
    code: "UPSTREAM_INVALID_RESPONSE",
  },
  {
    name: "answering malformed JSON",
    port: e2e.portalStubPort,
    fault: "fault.json",
    status: 502,
    code: "UPSTREAM_INVALID_RESPONSE",
  },
  {
    name: "cutting the answer short",
    port: e2e.portalStubPort,
    fault: "fault.cut",
    status: 502,
    code: "UPSTREAM_INVALID_RESPONSE",
  },
  { name: "answering 429", port: e2e.portalStubPort, fault: "fault.rate", status: 429, code: "RATE_LIMITED" },
] as const;

test("each upstream fault is answered in the envelope within the timeout plus one second", async () => {
  const lines: string[] = [];
  for (const f of faults) {
    const api = await signedInRequest(portalUrl(f.port));
    const started = Date.now();
    const res = await api.get(`/api/webhooks/deliveries${f.fault ? `?event_type=${f.fault}` : ""}`);
    const ms = Date.now() - started;
    const body = await res.json();
    lines.push(`${f.name}: ${res.status()} ${body.error?.code} in ${ms} ms`);
    expect(res.status(), f.name).toBe(f.status);
    expect(body.error, f.name).toMatchObject({ code: f.code, status: f.status, message: expect.any(String) });
    expect(ms, `${f.name} answered in ${ms} ms`).toBeLessThanOrEqual(e2e.upstreamTimeoutMs + 1000);
    if (f.status === 429) {
      expect(res.headers()["retry-after"]).toBe("7");
      // The API's answer says it too, not only the page (toasts show this message).
      expect(body.error.message).toBe("Too many requests. Try again in 7 seconds.");
    }
    expect(res.headers()["cache-control"]).toBe("no-store");
    await api.dispose();
  }
  console.log(`upstream faults (timeout ${e2e.upstreamTimeoutMs} ms):\n  ${lines.join("\n  ")}`);
});

test("the page says what happened and when to try again, with a retry", async ({ browser }) => {
  // Cookies are per host, not per port: the main portal's session cookie reaches the stub's portal.
  const main = await request.newContext({ baseURL: portalUrl() });
  expect((await main.post("/api/session", { data: { api_key: e2e.keys.orgA } })).status()).toBe(200);
  const context = await browser.newContext({
    baseURL: portalUrl(e2e.portalStubPort),
    storageState: await main.storageState(),
  });
  const page = await context.newPage();
  for (const [fault, text] of [
    ["fault.rate", "Too many requests. Try again in 7 seconds."],
    ["fault.error", "Closient answered with an error (HTTP 500). Try again shortly."],
    ["fault.json", "Closient sent a response the portal could not read."],
  ] as const) {
    await page.goto(`/deliveries?event_type=${fault}`);
    const alert = page.getByRole("alert").filter({ hasText: text });
    await expect(alert, fault).toContainText(text);
    await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
  }
  await context.close();
  await main.dispose();
});
