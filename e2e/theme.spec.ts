import type { Page } from "@playwright/test";
import { portalUrl } from "./support/env";
import { expect, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/** The page's background lightness, 0 (black) to 1 (white), from its computed colour. */
async function backgroundLightness(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const oklch = /^oklch\(([\d.]+)/.exec(color);
  if (oklch) return Number(oklch[1]);
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

test("the theme is in the server's HTML, so it paints first time with no script", async ({ browser }) => {
  const cases = [
    { cookie: "dark", system: "light", dark: true },
    { cookie: "light", system: "dark", dark: false },
    { cookie: null, system: "dark", dark: true },
    { cookie: null, system: "light", dark: false },
  ] as const;
  for (const { cookie, system, dark } of cases) {
    // No script at all: whatever colours the page shows came with the HTML and its stylesheet.
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: system });
    if (cookie) await context.addCookies([{ name: "theme", value: cookie, url: portalUrl() }]);
    const page = await context.newPage();
    const response = await page.goto(`${portalUrl()}/sign-in`);
    const label = `cookie ${cookie ?? "none"}, system ${system}`;
    expect(await response!.text(), label).toContain(`data-theme="${cookie ?? "system"}"`);
    const lightness = await backgroundLightness(page);
    expect(dark ? lightness < 0.3 : lightness > 0.9, `${label}: lightness ${lightness}`).toBe(true);
    await context.close();
  }
});

test("the switch applies a theme at once, keeps it, and moves nothing on the page", async ({ page }) => {
  const endpoint = await seedEndpoint({ url: "https://theme.example/hook", description: "Theme" });
  await page.emulateMedia({ colorScheme: "light" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  const boxes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("main h1, main h2, main button")].map((el) => {
        const box = el.getBoundingClientRect();
        return [box.x, box.y, box.width, box.height].map(Math.round).join(",");
      }),
    );
  const before = await boxes();
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

  await page.getByLabel("Theme", { exact: true }).selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await backgroundLightness(page)).toBeLessThan(0.3);
  expect(await boxes(), "nothing moved when the theme changed").toEqual(before);

  // Kept: the next page is rendered dark by the server (colours only: a theme moves no box).
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Theme", { exact: true })).toHaveValue("dark");

  await page.getByLabel("Theme", { exact: true }).selectOption("system");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeLessThan(0.3);
});
