// Browser and API tests against a production build on fresh databases (SQLite files, or PostgreSQL
// databases on that leg of npm test: e2e/support/e2e-databases.ts), driven in Debian's Chromium.
// A `setup` project creates the users and tokens first (through the README's command line); a
// second server on an empty database serves the first-run setup page. On the PostgreSQL leg the
// `cluster` project starts two more instances of its own on another fresh database
// (e2e/support/console-cluster.ts, ports from E2E_PORT + 10).
import { defineConfig } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_FIRST_RUN_DATABASE_URL, isPostgresLeg } from "./e2e/support/e2e-databases";
import { E2E_SECRET, HIGH_BUDGETS } from "./e2e/support/server-env";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const FIRST_RUN_PORT = PORT + 1;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

// Budgets high enough that the suite never meets them; the rate-limit tests set their own.
const serverEnv = {
  LOG_LEVEL: "warn",
  NEXTAUTH_SECRET: E2E_SECRET,
  ...HIGH_BUDGETS,
  SIGNIN_MAX_FAILURES: "5",
  // The key e2e/api/executors.spec.ts names in an openai executor's api_key_env; its stub checks it.
  E2E_OPENAI_KEY: "e2e-openai-key",
};

export default defineConfig({
  testDir: "e2e",
  // Two cores: one server and one browser at a time keep the run steady.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "retain-on-failure" },
  projects: [
    { name: "setup", testDir: "e2e/setup", testMatch: /.*\.setup\.ts/, use: browser },
    { name: "api", testDir: "e2e/api", dependencies: ["setup"] },
    { name: "ui", testDir: "e2e/ui", dependencies: ["setup"], use: { ...browser, storageState: "e2e/.auth/admin.json" } },
    { name: "first-run", testDir: "e2e/first-run", use: { ...browser, baseURL: `http://127.0.0.1:${FIRST_RUN_PORT}` } },
    // Several instances share a database only on PostgreSQL.
    ...(isPostgresLeg ? [{ name: "cluster", testDir: "e2e/cluster", use: browser }] : []),
  ],
  webServer: [
    {
      command: `rm -rf data/e2e-blueprints e2e/.auth && node scripts/test/fresh-database.mjs && npm run db:prepare --silent && npx next start -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/api/setup`,
      env: {
        ...serverEnv,
        DATABASE_URL: E2E_DATABASE_URL,
        BLUEPRINTS_DIR: "data/e2e-blueprints",
        ADMIN_EMAIL: "admin@e2e.test",
        ADMIN_PASSWORD: "admin-password-e2e",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `node scripts/test/fresh-database.mjs && npm run db:prepare --silent && npx next start -p ${FIRST_RUN_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${FIRST_RUN_PORT}/api/setup`,
      env: { ...serverEnv, DATABASE_URL: E2E_FIRST_RUN_DATABASE_URL, BLUEPRINTS_DIR: "data/e2e-first-run-blueprints" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
