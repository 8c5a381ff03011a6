import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

// The layers of ARCHITECTURE.md (the first pattern a file matches names its layer). An import may only point at its own layer or one
// listed below it in LAYER_RULES; a wrong import, and any import cycle, fails `npm run lint`.
const LAYERS = [
  { type: "route", pattern: ["app/api/**", "app/docs-assets/**"] },
  { type: "page", pattern: ["app/**"] },
  { type: "component", pattern: ["components/**"] },
  { type: "client", pattern: ["lib/client/**"] },
  { type: "http", pattern: ["lib/http/**"] },
  // The server's start (instrumentation.ts): the first admin, recovery, the autoscaler loop.
  { type: "start", pattern: ["lib/start/**"] },
  { type: "contract", pattern: ["lib/api/**", "lib/openapi/**"] },
  { type: "domain", pattern: ["lib/{audit,auth,autoscaler,blueprint,cluster,executors,metrics,observability,runtime,tasks}/**"] },
  { type: "base", pattern: ["lib/*.ts", "lib/db/**", "lib/shapes/**", "lib/generated/**"] },
];

const LAYER_RULES = [
  // Pages are server components: they compose components and may read the domain for the first render.
  { from: "page", allow: ["page", "component", "client", "domain", "base"] },
  // Components reach data only through lib/client; the domain's browser-safe files (schemas, the
  // blueprint validator and planner) run in the browser as they run on the server.
  { from: "component", allow: ["component", "client", "domain", "base"] },
  { from: "client", allow: ["client", "domain", "base"] },
  { from: "route", allow: ["http", "contract", "domain", "base"] },
  { from: "http", allow: ["http", "contract", "domain", "base"] },
  { from: "start", allow: ["start", "domain", "base"] },
  { from: "contract", allow: ["contract", "domain", "base"] },
  { from: "domain", allow: ["domain", "base"] },
  { from: "base", allow: ["base"] },
];

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      ".scratch/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { boundaries, "import-x": importX },
    settings: {
      "boundaries/elements": LAYERS.map((layer) => ({ ...layer, mode: "full" })),
      // Tests and their helpers may reach across layers to set up what they check.
      "boundaries/ignore": ["**/*.test.ts", "lib/test/**"],
      // The boundaries plugin resolves through eslint-plugin-import's setting; the cycle check
      // uses import-x's (its no-cycle takes about 2 s here, eslint-plugin-import's about 34 s).
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true })],
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "boundaries/element-types": ["error", { default: "disallow", rules: LAYER_RULES }],
      "boundaries/no-unknown-files": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Route files serve declared operations only: the wrapper itself is reached through serveRoute.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/http/operation-handler",
              importNames: ["handleOperation"],
              message: "serve a route with serveRoute(path, …) from @/lib/http/serve-route, so it is declared in lib/api and documented",
            },
          ],
        },
      ],
    },
  },
];

export default config;
