/**
 * Regenerates docs/screenshots/ from a running portal on the sandbox:
 *   npm start   (in another terminal)   then   npx tsx scripts/screenshots.ts [http://localhost:3000]
 * The revealed secret is blurred in the picture: it is a real (sandbox) secret.
 */
import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = "docs/screenshots";

async function main() {
  const browser = await chromium.launch({
    executablePath:
      process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/sign-in`);
  await page.screenshot({ path: `${out}/sign-in.png` });
  await page.getByRole("button", { name: "Use the sandbox organization" }).click();
  await page.getByRole("heading", { name: "Webhook endpoints", exact: true }).waitFor();

  await page.goto(`${base}/webhooks/new`);
  await page.getByLabel("Endpoint URL").fill("https://orders.example.com/webhooks/closient");
  await page.getByLabel("Description").fill("Production order sync");
  await page.getByRole("checkbox", { name: /offer\.updated/ }).check();
  await page.getByRole("checkbox", { name: /product\.recalled/ }).check();
  await page.getByRole("button", { name: "Add metadata" }).click();
  await page.getByLabel("Metadata key 1").fill("team");
  await page.getByLabel("Metadata value 1").fill("fulfilment");
  await page.screenshot({ path: `${out}/create.png`, fullPage: true });
  await page.getByRole("button", { name: "Create endpoint" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await dialog
    .getByLabel("Signing secret")
    .evaluate((el) => ((el as HTMLElement).style.filter = "blur(4px)"));
  await page.screenshot({ path: `${out}/secret-once.png` });
  await dialog.getByRole("checkbox", { name: /stored this secret/ }).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Send test ping" }).click();
  await page.getByTestId("ping-result").waitFor();
  await page.screenshot({ path: `${out}/endpoint.png`, fullPage: true });
  await page.getByRole("link", { name: "Endpoints" }).first().click();
  await page.getByRole("row").nth(1).waitFor();
  await page.screenshot({ path: `${out}/endpoints.png` });
  await browser.close();
  console.log(`screenshots written to ${out}/`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
