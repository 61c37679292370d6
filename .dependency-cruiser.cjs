/**
 * `npm run lint` runs this beside ESLint: ESLint's import/no-cycle skips `import type`, and a
 * cycle of types still ties two modules together. Type-only imports count here.
 */
module.exports = {
  forbidden: [
    {
      name: "product-takes-no-harness",
      severity: "error",
      comment:
        "The product (app/, components/, lib/, server.ts, the sandbox) never imports what runs the project: harness/, scripts/, bench/, e2e/. Tests may.",
      from: {
        path: "^(app|components|lib|sandbox)/|^(server|proxy|instrumentation)\\.ts$",
        pathNot: "\\.test\\.ts$|^sandbox/tests/",
      },
      to: { path: "^(harness|scripts|bench|e2e)/" },
    },
    {
      name: "server-only-stays-in-next",
      severity: "error",
      comment:
        "lib/server/ runs inside Next (every file imports server-only): the harness, the scripts, the benchmarks and the sandbox take what they share from lib/closient/ or lib/*.ts.",
      // bench/ may: a benchmark of the server's code runs it (with the react-server condition).
      from: { path: "^(harness|scripts|sandbox)/|^server\\.ts$", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/server/" },
    },
    {
      name: "browser-changes-through-mutations",
      severity: "error",
      comment:
        "Components change data through a mutation in lib/client/ (a 401 then leads to sign-in): they do not call the API client themselves.",
      from: { path: "^(components|app)/" },
      to: { path: "^lib/client/api-client\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle, type-only imports included: move what both sides need into one module.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.stryker-tmp|reports|test-results|bench/bare)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mts", ".js", ".mjs"] },
  },
};
