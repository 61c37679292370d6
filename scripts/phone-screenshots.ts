/**
 * The outage screens on a phone (375 × 812, touch), on a night's real data (harness/
 * outage.ts), into docs/screenshots/phone/: the first screen of each page, to look at.
 *   npx tsx scripts/phone-screenshots.ts
 * It builds the portal if its build is stale and runs its own sandbox and portal on free ports.
 */
import { chromium } from "@playwright/test";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAll, startServers } from "../harness/servers";
import { allDeliveries, seedOutage } from "../harness/seed-outage";
import { sandboxClient } from "../harness/sandbox-client";
import { PHONE } from "../harness/phone";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../harness/chromium";

const OUT = join("docs", "screenshots", "phone");

async function main() {
  await buildAll();
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "phone-shots-"));
  const servers = await startServers({ db: join(dir, "sandbox.db"), timeScale: 0.00001 });
  const outage = await seedOutage(servers.sandbox, servers.key);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const [dead] = await allDeliveries(
      sandboxClient(servers.sandbox, servers.key),
      `&status=dead_letter&endpoint_id=${outage.longUrlId}`,
    );
    const context = await browser.newContext(PHONE);
    const [name, value] = servers.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: servers.portal }]);
    const page = await context.newPage();
    const shots: Record<string, string> = {
      endpoints: "/webhooks",
      endpoint: `/webhooks/${outage.longUrlId}`,
      deliveries: "/deliveries",
      delivery: `/deliveries/${dead!.id}?endpoint_id=${dead!.endpoint_id}&at=${encodeURIComponent(dead!.created_at)}`,
      verify: `/verify?endpoint=${outage.longUrlId}`,
    };
    for (const [shot, path] of Object.entries(shots)) {
      await page.goto(`${servers.portal}${path}`);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: join(OUT, `${shot}.png`) });
      // The second screen, where the log's and the list's cards begin.
      await page.evaluate(() => window.scrollTo(0, 700));
      await page.screenshot({ path: join(OUT, `${shot}-2.png`) });
      console.log(`${join(OUT, shot)}.png, -2.png`);
    }
  } finally {
    await browser.close();
    await outage.close();
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
