import { expect, type Page } from "@playwright/test";
import { sandboxClient } from "../../harness/sandbox-client";
import { e2e, sandboxUrl } from "./env";

/** An endpoint as the sandbox answers its creation: the one time it holds the full secret. */
export interface SeededEndpoint {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  is_active: boolean;
  metadata: Record<string, string>;
  signing_secret: string;
}

/**
 * Creates an endpoint straight in the sandbox (organization A unless `key` says otherwise) and
 * checks the answer, with its body in the failure message.
 */
export async function seedEndpoint(
  body: Record<string, unknown>,
  key = e2e.keys.orgA,
): Promise<SeededEndpoint> {
  const res = await sandboxClient(sandboxUrl, key).post("webhooks/endpoints/", body);
  expect(res.status, `seeding an endpoint: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body as SeededEndpoint;
}

/** The secret the one-time dialog shows, once it is open; checked to be a full secret. */
export async function revealedSecret(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const secret = await dialog.getByLabel("Signing secret").inputValue();
  expect(secret, "the dialog shows a full 64-hex secret").toMatch(/^[0-9a-f]{64}$/);
  return secret;
}

/** Confirms the secret was stored and closes the dialog, as an admin does. */
export async function closeReveal(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: /stored this secret/ }).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

/** Both: the secret shown, then the dialog closed. */
export async function revealAndClose(page: Page): Promise<string> {
  const secret = await revealedSecret(page);
  await closeReveal(page);
  return secret;
}
