import { existsSync } from "node:fs";

/** Debian's Chromium (no browser downloads here), or the one at CHROMIUM_PATH. */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Headless Chromium as this machine runs it: root, no GPU, a closed network. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
