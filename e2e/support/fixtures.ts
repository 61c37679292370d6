import {
  test as base,
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import { sandboxClient } from "../../harness/sandbox-client";
import { WebhookReceiver } from "../../harness/receiver";
import { e2e, portalUrl, sandboxUrl } from "./env";

/** Authenticated API calls that reached the sandbox so far: proof that a request went upstream or not. */
export async function upstreamRequests(): Promise<number> {
  const res = await fetch(`${sandboxUrl}/_sandbox/health`);
  return ((await res.json()) as { requests_served: number }).requests_served;
}

export const sandbox = sandboxClient(sandboxUrl, e2e.keys.orgA);

/** A request context signed in to the portal (the cookie jar holds the sealed session). */
export async function signedInRequest(
  baseURL = portalUrl(),
  key = e2e.keys.orgA,
): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const res = await context.post(`${portalUrl()}/api/session`, { data: { api_key: key } });
  expect(res.status()).toBe(200);
  if (baseURL !== portalUrl()) {
    // Same SESSION_SECRET everywhere: the cookie sealed by the main portal opens the others.
    const state = await context.storageState();
    await context.dispose();
    return playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: state.cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    });
  }
  return context;
}

/** Waits until `endpointId` has `count` dead letters (the e2e sandbox retries in microseconds). */
export async function deadLetters(endpointId: string, count = 1) {
  const read = async () =>
    (await sandbox.get(`webhooks/deliveries/?endpoint_id=${endpointId}&status=dead_letter`)).body.data as {
      id: string;
      endpoint_id: string;
    }[];
  await expect.poll(async () => (await read()).length).toBe(count);
  return read();
}

export async function signInWithSandbox(page: Page) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Use the sandbox organization" }).click();
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
}

export const test = base.extend<{ receiver: WebhookReceiver; api: APIRequestContext }>({
  receiver: async ({}, use) => {
    const receiver = await WebhookReceiver.start();
    await use(receiver);
    await receiver.close();
  },
  api: async ({}, use) => {
    const api = await signedInRequest();
    await use(api);
    await api.dispose();
  },
});

export { expect };
