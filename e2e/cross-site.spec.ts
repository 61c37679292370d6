import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { portalUrl } from "./support/env";
import { expect, sandbox, signInWithSandbox, test, upstreamRequests } from "./support/fixtures";

/**
 * Cross-site attacks in a real browser. The admin is signed in to the portal on
 * 127.0.0.1; the attacker's page is served as `localhost`, which is another site. Its form post
 * and its credentialed fetches change nothing: the portal answers 403 and calls no upstream.
 * Then an injected inline script on a portal page is blocked by the Content-Security-Policy.
 */
test("a page on another site can change nothing: its form post and fetches get 403", async ({ page }) => {
  await signInWithSandbox(page);
  const target = `${portalUrl()}/api/webhooks/endpoints`;
  const attacker = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>Win a prize</title>
      <form method="POST" action="${target}" enctype="text/plain">
        <input name='{"url":"https://evil.example/form","x":"' value='"}'>
      </form>
      <script>
        window.attempts = Promise.allSettled([
          fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include",
            headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ url: "https://evil.example/simple" }) }),
          fetch(${JSON.stringify(target)}, { method: "POST", credentials: "include",
            headers: { "Content-Type": "application/json" }, body: JSON.stringify({ url: "https://evil.example/json" }) }),
        ]).then((all) => all.map((r) => r.status));
      </script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const origin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  const statuses: number[] = [];
  page.on("response", (response) => {
    if (response.url() === target && response.request().method() === "POST") statuses.push(response.status());
  });
  const count = async () => (await sandbox.get("webhooks/endpoints/")).body.pagination.total_count as number;
  const endpointsBefore = await count();
  const before = await upstreamRequests();

  await page.goto(`${origin}/`);
  // The simple fetch is sent and refused; the JSON one never passes its CORS preflight.
  expect(await page.evaluate(() => (window as unknown as { attempts: Promise<string[]> }).attempts)).toEqual([
    "fulfilled",
    "rejected",
  ]);
  const [navigation] = await Promise.all([
    page.waitForResponse((response) => response.url() === target),
    page.evaluate(() => document.forms[0]!.submit()),
  ]);
  expect(navigation.status()).toBe(403);
  expect(await navigation.json()).toMatchObject({ error: { code: "FORBIDDEN", status: 403 } });
  expect(
    statuses.every((status) => status === 403) && statuses.length >= 2,
    `answers: ${statuses.join(", ")}`,
  ).toBe(true);

  expect(await upstreamRequests(), "no call reached Closient").toBe(before);
  expect(await count(), "no endpoint was created").toBe(endpointsBefore);
  attacker.close();
});

test("markup injected into a page cannot run script: the Content-Security-Policy blocks it", async ({
  page,
}) => {
  await signInWithSandbox(page);
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective));
        // What a stored XSS would insert, had rendering not escaped it: an inline event handler.
        document.body.insertAdjacentHTML(
          "beforeend",
          '<img src="/no-such-image" onerror="window.__injected = 1">',
        );
        setTimeout(() => resolve("no violation"), 3000);
      }),
  );
  expect(outcome).toBe("script-src-attr");
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: number }).__injected ?? null),
  ).toBeNull();
});
