import nextConfig from "eslint-config-next";
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["@/lib/server/**", "**/lib/server/**"],
  message: "Server-only code: call it from app/ or lib/server/.",
};

/** `no-restricted-imports` with the server-only rule and these import paths refused. */
const restrictImports = (...paths) => ({
  "no-restricted-imports": ["error", { patterns: [serverOnly], paths }],
});
/** An import path refused, with why (type-only imports stay free unless `types` is false). */
const refuse = (name, message, { types = true } = {}) => ({ name, allowTypeImports: types, message });
const noBarrel = refuse(
  "@/lib/closient",
  "Import the value from its own file in lib/closient/ (the barrel brings every schema).",
);
const noZod = refuse(
  "zod",
  "No classic zod in the browser: the endpoint form's schemas are zod/mini, other pages have none.",
);
const noClassicEndpoint = refuse(
  "@/lib/closient/endpoint",
  "Its body schemas are classic zod: take fields and limits from @/lib/closient/endpoint-fields.",
);
const noSonner = refuse(
  "sonner",
  "Use notify from @/lib/client/notify: sonner is loaded when first needed.",
  {
    types: false,
  },
);
/** Where browser code lives: the components and lib/client/ (see design.md, "Where things live"). */
const BROWSER = ["components/**", "lib/client/**"];

const config = [
  {
    ignores: [
      ".next/**",
      "bench/bare/.next/**",
      "node_modules/**",
      "tools/node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".stryker-tmp/**",
      "reports/**",
    ],
  },
  ...nextConfig,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ["**/*.{ts,tsx,mts}"] })),
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No import cycle anywhere, type-level ones included.
    files: ["**/*.{ts,tsx,mts}"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Browser code and the pure domain modules never reach for server-only code.
    files: [...BROWSER, "lib/deliveries/**", "lib/verify/**", "lib/endpoints/**", "lib/sign-in/**"],
    rules: restrictImports(),
  },
  {
    // The contract is shared by the portal, its browser code and the sandbox: it imports nothing
    // of the app, only its own files and zod.
    files: ["lib/closient/**"],
    ignores: ["lib/closient/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*", "../*"], message: "lib/closient/ imports nothing of the app." }] },
      ],
    },
  },
  {
    // The browser's code stays light: it takes values from the contract's files one by one (the
    // barrel would bring every zod schema), and toasts through lib/notify (sonner loads late).
    // Types from the barrel are free. The endpoint form is the one place that needs zod: zod/mini
    // (which these rules leave free), with the schemas it needs from their own files.
    files: BROWSER,
    ignores: ["components/**/*.test.ts", "components/ui/toaster-host.tsx"],
    rules: restrictImports(noBarrel, noClassicEndpoint, noZod, noSonner),
  },
  {
    // Tests and their helpers read untyped JSON bodies on purpose.
    files: ["e2e/**", "sandbox/tests/**", "harness/**", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "react-hooks/rules-of-hooks": "off",
    },
  },
];

export default config;
