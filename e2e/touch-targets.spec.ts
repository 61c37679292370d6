import type { Page } from "@playwright/test";
import { expect, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/**
 * On a phone (375 CSS px wide), every control is at least 24 × 24 px (WCAG 2.2 target size) and
 * nothing makes the page scroll sideways. A checkbox or radio counts with the label around it,
 * which is what a finger taps.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, [role="switch"], [role="button"], input:not([type="hidden"]), select, textarea',
    );
    const small: string[] = [];
    for (const control of controls) {
      const style = getComputedStyle(control);
      if (style.visibility === "hidden" || style.display === "none" || control.closest("[aria-hidden=true]"))
        continue;
      const target =
        control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")
          ? (control.closest("label") ?? control)
          : control;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered
      if (box.width < 24 || box.height < 24) {
        const name =
          control.getAttribute("aria-label") || control.textContent?.trim() || control.getAttribute("name");
        small.push(
          `${control.tagName.toLowerCase()} "${name ?? ""}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`,
        );
      }
    }
    return small;
  });
}

/** What sticks out past the right edge (outside boxes that scroll on their own), if the page scrolls sideways. */
async function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(el.parentElement))
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
  });
}

test.use({ viewport: { width: 375, height: 812 } });

test("every control is a finger's size and no page scrolls sideways on a phone", async ({ page }) => {
  const endpoint = await seedEndpoint({
    url: "https://a-rather-long-receiver-hostname.example.com/webhooks/closient/production",
    description: "Phone check",
    event_types: ["offer.updated", "product.recalled", "product.updated", "retailer.created"],
    metadata: { team: "mobile" },
  });
  await page.goto("/sign-in");
  const problems: Record<string, string[]> = { "/sign-in": await smallTargets(page) };
  const sideways: Record<string, string[]> = { "/sign-in": await sticksOut(page) };

  await signInWithSandbox(page);
  const pages = ["/webhooks", "/webhooks/new", `/webhooks/${endpoint.id}`, "/deliveries", "/verify"];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    if (path === "/webhooks/new") {
      // The chips of chosen event types carry the smallest buttons: show some.
      await page.getByRole("checkbox", { name: /offer\.updated/ }).check();
      await page.getByRole("checkbox", { name: /product\.recalled/ }).check();
    }
    problems[path] = await smallTargets(page);
    sideways[path] = await sticksOut(page);
  }
  expect(Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length))).toEqual({});
  expect(Object.fromEntries(Object.entries(sideways).filter(([, list]) => list.length))).toEqual({});
});
