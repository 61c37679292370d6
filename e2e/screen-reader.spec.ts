import { expect, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/**
 * For screen-reader and keyboard users: dialogs hold focus and give it back, what the portal
 * says in passing (toasts, copy results) is in a live region, and motion stops when asked.
 * The bulk replay's progress is checked in recovery.spec.ts.
 */
test("a dialog keeps focus inside while open and gives it back on close", async ({ page }) => {
  const endpoint = await seedEndpoint({ url: "https://focus.example/hook", description: "Focus" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  const rotate = page.getByRole("button", { name: "Rotate secret" });
  await rotate.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 5; i++) {
    expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `Tab ${i}`).toBe(true);
    await page.keyboard.press(i % 2 ? "Shift+Tab" : "Tab");
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(rotate).toBeFocused();
});

test("toasts and copy results are announced in live regions", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const endpoint = await seedEndpoint({ url: "https://live.example/hook", description: "Live" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${endpoint.id}`);
  await page.getByRole("button", { name: "Edit settings" }).click();
  await page.getByLabel("Description").fill("Live, renamed");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("[aria-live]").getByText("Changes saved")).toBeVisible();

  await page.getByRole("region", { name: "Verifying signatures" }).getByText("Ruby", { exact: true }).click();
  await page.getByRole("button", { name: "Copy the Ruby recipe" }).click();
  await expect(page.locator('[aria-live="polite"]').getByText("Copied", { exact: true })).toBeVisible();
});

test("motion stops when the system asks for reduced motion", async ({ page }) => {
  await page.goto("/sign-in");
  const button = page.getByRole("button").first();
  const duration = () => button.evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(await duration()).toBe("0.15s");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await duration()).toBe("1e-05s");
});
