import { expect, type Locator, type Page } from "@playwright/test";
import { PHONE, PHONE_WIDTH } from "../../harness/phone";

/**
 * Lays out every part of the page, as each is once scrolled to: a card with `content-visibility:
 * auto` below the fold is otherwise skipped, its box 0 × 0, and a check of it would pass unseen.
 */
async function renderEverything(page: Page) {
  await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
}

/**
 * What sticks out past the device's right edge: each element whose box ends beyond 375 px and is
 * not clipped by an ancestor that ends within it. Compared with the device, not `innerWidth`: on a
 * phone the layout viewport grows to fit whatever overflows.
 */
export async function wideElements(page: Page): Promise<string[]> {
  await renderEverything(page);
  return page.evaluate((device) => {
    const out: string[] = [];
    const clippedWithin = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.overflowX !== "visible" && e.getBoundingClientRect().right <= device + 0.5) return true;
      }
      return false;
    };
    if (document.documentElement.scrollWidth > device) {
      out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= device + 0.5 || clippedWithin(el)) continue;
      out.push(
        `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join(".")} ends at ${Math.round(box.right)} px`,
      );
      if (out.length >= 5) break;
    }
    return out;
  }, PHONE_WIDTH);
}

/**
 * Every tappable element smaller than 24 × 24 CSS px (WCAG 2.2's target size), links included.
 * Exempt: a link inside a sentence (inline, with words of the sentence beside it). A checkbox
 * or radio counts with the label around it, which is what a finger taps.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  await renderEverything(page);
  return page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      'a[href], button, summary, [role="switch"], [role="button"], input:not([type="hidden"]), select, textarea',
    );
    const small: string[] = [];
    // A link in a sentence: inline, with words of the sentence right beside it.
    const inSentence = (el: HTMLElement) => {
      if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
      return [...(el.parentElement?.childNodes ?? [])].some(
        (node) => node !== el && node.nodeType === Node.TEXT_NODE && /[a-z]{2}/i.test(node.textContent ?? ""),
      );
    };
    for (const el of targets) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || el.closest("[aria-hidden=true], .sr-only")) continue;
      const target =
        el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")
          ? (el.closest("label") ?? el)
          : el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered
      if ((box.width < 24 || box.height < 24) && !inSentence(el)) {
        const name =
          el.getAttribute("aria-label") || el.textContent?.trim().slice(0, 40) || el.getAttribute("name");
        small.push(
          `${el.tagName.toLowerCase()} "${name ?? ""}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`,
        );
      }
    }
    return small;
  });
}

/** The primary actions on screen that are under a thumb's 44 px tall. */
export async function shortPrimaryActions(page: Page): Promise<string[]> {
  const primary = page
    .getByRole("button", {
      name: /^(Replay( all)?( \d+ dead letters?)?|Replay delivery \S+|Send test ping|Sign in|Use the sandbox organization)$/,
    })
    .or(page.getByRole("switch", { name: /^(Pause|Resume) / }));
  const short: string[] = [];
  for (const control of await primary.all()) {
    if (!(await control.isVisible())) continue;
    const box = (await control.boundingBox())!;
    if (box.height < 44)
      short.push(
        `"${(await control.getAttribute("aria-label")) ?? (await control.innerText())}" ${Math.round(box.height)} px tall`,
      );
  }
  return short;
}

/**
 * A thumb's tap on `target`: scrolled into view, then tapped at its centre, which must be on
 * screen and be the element itself (nothing on top of it).
 */
export async function tap(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box, "the target is rendered").not.toBeNull();
  const x = box!.x + box!.width / 2;
  const y = box!.y + box!.height / 2;
  expect(
    x >= 0 && x <= PHONE_WIDTH && y >= 0 && y <= PHONE.viewport.height,
    `tap at ${x},${y} is on screen`,
  ).toBe(true);
  // What the thumb would land on instead, named in the failure.
  const covered = await target.evaluate(
    (el, [px, py]) => {
      const at = document.elementFromPoint(px!, py!);
      if (at !== null && (el === at || el.contains(at))) return null;
      return at
        ? `${at.tagName.toLowerCase()}.${[...at.classList].slice(0, 3).join(".")} "${at.textContent?.slice(0, 40)}"`
        : "nothing";
    },
    [x, y],
  );
  expect(covered, "nothing covers the target where the thumb lands").toBeNull();
  await page.touchscreen.tap(x, y);
}
