import { expect, type Page } from "@playwright/test";

/** Adds a channel on the alerts page, as an admin does: its type, then its address or URL. */
export async function addChannel(page: Page, type: "Email" | "Slack" | "Signed webhook", value: string) {
  const channels = page.getByRole("region", { name: "Channels" });
  await channels.getByRole("radio", { name: type }).check();
  await channels.getByRole("textbox").fill(value);
  await channels.getByRole("button", { name: "Add channel" }).click();
}

/** Stops watching on the alerts page, through its confirmation, and waits for it to be off. */
export async function stopWatching(page: Page) {
  await page.getByRole("button", { name: "Stop watching" }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: "Stop watching and erase the key" })
    .click();
  await expect(page.getByRole("button", { name: "Watch with my key" })).toBeVisible();
}
