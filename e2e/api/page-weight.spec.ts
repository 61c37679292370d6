import { request } from "@playwright/test";
import { budgetFor, builtPageRoutes, kib, weigh } from "../../harness/page-weight";
import { portalUrl } from "../support/env";
import { expect, sandbox, signedInRequest, test } from "../support/fixtures";
import { seedEndpoint } from "../support/seed";

/**
 * The page-weight budget, for every page of the build: the gzip JavaScript a first
 * visit loads, signed in, from the production build the suite runs against. A page added later
 * is found in the build's manifest and must be given a URL here, so none escapes the budget.
 */
test("every page loads at most its budget of gzip JavaScript", async () => {
  const api = await signedInRequest();
  const guest = await request.newContext({ baseURL: portalUrl() });
  const endpoint = await seedEndpoint({
    url: "https://weight.example/hook",
    event_types: ["offer.updated"],
  });
  const delivery = (await sandbox.post(`webhooks/endpoints/${endpoint.id}/test/`)).body;
  const urls: Record<string, string> = {
    "/": "/",
    "/_not-found": "/no-such-page",
    "/sign-in": "/sign-in",
    "/webhooks": "/webhooks",
    "/webhooks/new": "/webhooks/new",
    "/webhooks/[endpointId]": `/webhooks/${endpoint.id}`,
    "/deliveries": "/deliveries",
    "/deliveries/[deliveryId]": `/deliveries/${delivery.delivery_id}?endpoint_id=${endpoint.id}`,
    "/verify": `/verify?endpoint=${endpoint.id}`,
    "/activity": "/activity",
    "/alerts": "/alerts",
    "/access": "/access",
    "/join": "/join",
  };
  const lines: string[] = [];
  const over: string[] = [];
  for (const route of builtPageRoutes()) {
    const url = urls[route];
    expect(url, `page ${route} has no URL in the page-weight check`).toBeDefined();
    // The sign-in page as a signed-out visitor sees it; every other page signed in.
    const res = await (route === "/sign-in" ? guest : api).get(url!, {
      maxRedirects: route === "/" ? 0 : 20,
    });
    if (route === "/") {
      expect(res.status(), "/ sends the admin on to the endpoints").toBe(307);
      continue;
    }
    const html = await res.text();
    const weight = weigh(html);
    const budget = budgetFor(route);
    lines.push(
      `${route.padEnd(24)} ${weight.scripts} scripts, ${kib(weight.gzip)} KiB gzip (budget ${budget} KiB)`,
    );
    if (weight.gzip > budget * 1024) over.push(route);
  }
  console.log(`Page weight (gzip JavaScript on first load):\n  ${lines.join("\n  ")}`);
  expect(over, lines.join("\n")).toEqual([]);
  await Promise.all([api.dispose(), guest.dispose()]);
});
