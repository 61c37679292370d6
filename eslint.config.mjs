import nextConfig from "eslint-config-next";
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["@/lib/server/*", "**/lib/server/*"],
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
const noSonner = refuse("sonner", "Use notify from @/lib/notify: sonner is loaded when first needed.", {
  types: false,
});

const config = [
  {
    ignores: [
      ".next/**",
      "bench/bare/.next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
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
    // The browser and the shared contract never reach for server-only code.
    files: ["components/**", "lib/queries/**", "lib/closient/**", "lib/api-client.ts", "lib/query-client.ts"],
    rules: restrictImports(),
  },
  {
    // The browser's code stays light: it takes values from the contract's files one by one (the
    // barrel would bring every zod schema), and toasts through lib/notify (sonner loads late).
    // Types from the barrel are free. The endpoint form is the one place that needs zod: zod/mini,
    // with the schemas it needs from their own files (below).
    files: ["components/**", "lib/queries/**", "lib/api-client.ts", "lib/query-client.ts", "lib/notify.ts"],
    ignores: [
      "components/endpoints/endpoint-form*.ts*",
      "components/**/*.test.ts",
      "components/ui/toaster-host.tsx",
    ],
    rules: restrictImports(noBarrel, noClassicEndpoint, noZod, noSonner),
  },
  {
    files: ["components/endpoints/endpoint-form*.ts*"],
    ignores: ["components/**/*.test.ts"],
    rules: restrictImports(noBarrel, noClassicEndpoint, noZod, noSonner),
  },
  {
    // Tests and their helpers read untyped JSON bodies on purpose.
    files: ["e2e/**", "sandbox/tests/**", "sandbox/testing/**", "**/*.test.ts"],
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
