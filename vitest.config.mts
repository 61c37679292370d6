import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // What Next resolves it to on the server (its react-server condition): lib/server/ is testable.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "sandbox/**/*.test.ts", "harness/**/*.test.ts"],
    environment: "node",
    env: { LOG_LEVEL: "silent" },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
