/**
 * What a page makes the browser download as JavaScript on its first load, from a production
 * build: every `<script src>` of its HTML and every chunk its RSC payload names for hydration
 * (client components), minus the `noModule` polyfill that current browsers skip. Dialogs and
 * other parts loaded with `next/dynamic` when first used are not counted: they are not part of
 * the first load. Sizes are of the files in `.next/static`, gzip level 9.
 *
 * Used by the budget check in `npm test` (e2e/api/page-weight.spec.ts) and by `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** KiB of gzip JavaScript a page may load on its first visit (BENCHMARKS.md). */
const PAGE_BUDGET_KIB = { default: 210, "/webhooks": 190 } as const;

export function budgetFor(route: string): number {
  return route === "/webhooks" ? PAGE_BUDGET_KIB["/webhooks"] : PAGE_BUDGET_KIB.default;
}

export interface PageWeight {
  scripts: number;
  raw: number;
  gzip: number;
}

/** The page routes of the build (`/webhooks/[endpointId]` and so on), from its own manifest. */
export function builtPageRoutes(dir = ".next"): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.entries(manifest)
    .filter(([file]) => file.endsWith("/page"))
    .map(([, route]) => route)
    .filter((route) => route !== "/_global-error")
    .sort();
}

/** The chunk files a page's HTML loads or names for hydration. */
export function chunksOf(html: string): string[] {
  const noModule = new Set(
    [...html.matchAll(/<script\b[^>]*\bnoModule\b[^>]*>/gi)]
      .map((m) => /\bsrc="([^"]+)"/.exec(m[0])?.[1]?.split("?")[0])
      .filter((src): src is string => Boolean(src))
      .map((src) => decodeURIComponent(src)),
  );
  // Chunk paths appear in `<script src>` and inside the RSC payload; a route's own chunks sit in
  // folders named after it: `app/(portal)/webhooks/[endpointId]/page-….js`. The payload names a
  // chunk either whole or relative to `/_next/` (`20:"static/chunks/app/(portal)/layout-….js"`,
  // when React writes a repeated string once and refers to it); the browser loads both.
  const paths = [
    ...html.matchAll(/(?:\/_next\/|(?<![\w/.-]))static\/chunks\/[A-Za-z0-9_.~%()[\]/-]+?\.js/g),
  ].map((m) => (m[0].startsWith("/_next/") ? m[0] : `/_next/${m[0]}`));
  // The same file may be named %-encoded in one place and not in another: count it once.
  return [...new Set(paths.map((path) => decodeURIComponent(path)))].filter((path) => !noModule.has(path));
}

export function weigh(html: string, dir = ".next"): PageWeight {
  const chunks = chunksOf(html);
  let raw = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    const bytes = readFileSync(join(dir, chunk.replace(/^\/_next\//, "")));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: chunks.length, raw, gzip };
}

export const kib = (bytes: number) => (bytes / 1024).toFixed(1);
