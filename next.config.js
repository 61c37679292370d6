/** Headers that every response carries, static files included; the CSP comes from proxy.ts. */
const securityHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), clipboard-write=(self)",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Marks every chunk of a page's first load with V8's explicit compile hint. Script streaming
 * then compiles all of a chunk's functions on a background thread while the chunk downloads,
 * instead of compiling each webpack module on the main thread when it first runs, inside the
 * long task that starts the app. Chunks loaded later (dialogs, toasts) are left as they are.
 * https://v8.dev/blog/explicit-compile-hints
 */
class CompileHintsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CompileHintsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minification (which drops comments), before the files' hashes are taken.
        { name: "CompileHintsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING },
        () => {
          for (const chunk of compilation.chunks) {
            if (!chunk.canBeInitial()) continue;
            for (const file of chunk.files) {
              if (!file.endsWith(".js")) continue;
              compilation.updateAsset(
                file,
                (source) => new sources.ConcatSource("//# allFunctionsCalledOnLoad\n", source),
              );
            }
          }
        },
      );
    });
  }
}

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded from node_modules at run time rather than bundled into the server chunks.
  serverExternalPackages: ["undici"],
  webpack(config, { isServer, dev }) {
    if (!isServer && !dev) config.plugins.push(new CompileHintsPlugin());
    return config;
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON answers run nothing: a policy that allows nothing (pages get theirs from proxy.ts).
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};
