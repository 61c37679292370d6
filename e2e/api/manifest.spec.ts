import { request } from "@playwright/test";
import { portalUrl } from "../support/env";
import { expect, test } from "../support/fixtures";

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(body: Buffer): string {
  expect(body.subarray(1, 4).toString("ascii"), "a PNG").toBe("PNG");
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

test("the portal is installable: a manifest with its icons, linked from every page", async () => {
  const guest = await request.newContext({ baseURL: portalUrl() });
  const page = await (await guest.get("/sign-in")).text();
  const link = /<link rel="manifest" href="([^"]+)"/.exec(page)?.[1];
  expect(link, "the page links its manifest").toBeDefined();
  // The browser's bars in the header's colour, in either theme.
  const themeColors = [...page.matchAll(/<meta name="theme-color"[^>]*>/g)].map(([tag]) => tag);
  expect(themeColors).toEqual([
    expect.stringMatching(/content="#ffffff" media="\(prefers-color-scheme: light\)"/),
    expect.stringMatching(/content="#0f172a" media="\(prefers-color-scheme: dark\)"/),
  ]);

  const res = await guest.get(link!);
  expect(res.status()).toBe(200);
  const manifest = (await res.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: "Closient webhooks",
    short_name: "Webhooks",
    start_url: "/webhooks",
    display: "standalone",
  });
  // What a phone needs to install it: a 192 and a 512 PNG, and a maskable one.
  expect(manifest.icons.map((i) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ""}`)).toEqual(
    expect.arrayContaining(["192x192", "512x512", "512x512 maskable"]),
  );
  for (const icon of manifest.icons) {
    const file = await guest.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toContain(icon.type);
    if (icon.type === "image/png") expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }
  await guest.dispose();
});
