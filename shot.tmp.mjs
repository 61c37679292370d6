import { chromium } from "@playwright/test";
const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
const page = await context.newPage();
const errors = [];
page.on("console", (m) => {
  if (m.type() === "error") errors.push(m.text());
});
page.on("pageerror", (e) => errors.push(String(e)));
await page.goto(base + "/sign-in");
await page.getByRole("button", { name: "Use the sandbox organization" }).click();
await page.waitForURL("**/webhooks");
await page.screenshot({ path: "/tmp/list-empty.png", fullPage: true });
await page.getByRole("link", { name: "Add endpoint" }).first().click();
await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hook");
await page.getByLabel("Description").fill("Staging receiver");
await page.getByRole("checkbox", { name: /offer.updated/ }).check();
await page.getByRole("button", { name: "Add metadata" }).click();
await page.getByLabel("Metadata key 1").fill("env");
await page.getByLabel("Metadata value 1").fill("staging");
await page.screenshot({ path: "/tmp/create.png", fullPage: true });
await page.getByRole("button", { name: "Create endpoint" }).click();
await page.getByRole("dialog").waitFor();
await page.getByRole("button", { name: "Copy" }).click();
await page.screenshot({ path: "/tmp/secret.png" });
await page.getByRole("checkbox", { name: /stored/ }).check();
await page.getByRole("button", { name: "Done" }).click();
await page.waitForURL(/webhooks\/[A-Za-z0-9]{22}/);
await page.getByRole("button", { name: "Send test ping" }).click();
await page.getByTestId("ping-result").waitFor();
await page.screenshot({ path: "/tmp/detail.png", fullPage: true });
await page.goto(base + "/webhooks");
await page.waitForTimeout(500);
await page.screenshot({ path: "/tmp/list.png", fullPage: true });
console.log("errors:", errors);
await browser.close();
