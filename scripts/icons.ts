/**
 * Draws the web app's PNG icons from the SVGs beside them (public/icons/), with Chromium:
 *   npx tsx scripts/icons.ts
 * The PNGs are committed; run this again after changing an SVG.
 */
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../harness/chromium";

const DIR = join("public", "icons");
const ICONS = [
  { svg: "icon.svg", png: "icon-192.png", size: 192 },
  { svg: "icon.svg", png: "icon-512.png", size: 512 },
  { svg: "maskable.svg", png: "maskable-512.png", size: 512 },
  // iOS puts its own rounded mask on the home-screen icon: the full-bleed drawing.
  { svg: "maskable.svg", png: "apple-touch-icon.png", size: 180 },
];

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    for (const { svg, png, size } of ICONS) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const source = readFileSync(join(DIR, svg), "utf8");
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
      );
      await page.screenshot({ path: join(DIR, png), omitBackground: true });
      await page.close();
      console.log(`${join(DIR, png)} (${size} px)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
