import { describe, expect, it } from "vitest";
import { chunksOf } from "./page-weight";

describe("chunksOf", () => {
  it("counts shared chunks and a route's own, from script tags and the RSC payload (whole or relative paths), once each", () => {
    const html = `
      <script src="/_next/static/chunks/4bd1b696-e199.js" async=""></script>
      <script src="/_next/static/chunks/app/(portal)/layout-880d.js" async=""></script>
      <script src="/_next/static/chunks/app/(portal)/webhooks/%5BendpointId%5D/page-ed5b.js" async=""></script>
      <script src="/_next/static/chunks/polyfills-4237.js" noModule=""></script>
      <script>self.__next_f.push([1,"3:I[\\"/_next/static/chunks/app/(portal)/webhooks/[endpointId]/page-ed5b.js\\",\\"/_next/static/chunks/7196-aefd.js\\"]"])</script>
      <script>self.__next_f.push([1,"1f:\\"static/chunks/594-f126.js\\"\\n20:\\"static/chunks/app/(portal)/error-f1f0.js\\"\\n"])</script>
      <script src="/_next/static/chunks/4bd1b696-e199.js" async=""></script>`;
    expect(chunksOf(html).sort()).toEqual([
      "/_next/static/chunks/4bd1b696-e199.js",
      "/_next/static/chunks/594-f126.js",
      "/_next/static/chunks/7196-aefd.js",
      "/_next/static/chunks/app/(portal)/error-f1f0.js",
      "/_next/static/chunks/app/(portal)/layout-880d.js",
      "/_next/static/chunks/app/(portal)/webhooks/[endpointId]/page-ed5b.js",
    ]);
  });
});
