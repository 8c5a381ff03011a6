// Browser and API tests against a production build on a fresh SQLite file, driven in Debian's Chromium.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Two cores: one server and one browser at a time keep the run steady.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "retain-on-failure" },
  projects: [
    { name: "api", testDir: "e2e/api" },
    {
      name: "ui",
      testDir: "e2e/ui",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: CHROMIUM,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf data/e2e.db data/e2e-blueprints && npm run db:prepare --silent && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/blueprints`,
    env: { DATABASE_URL: "file:./data/e2e.db", BLUEPRINTS_DIR: "data/e2e-blueprints", LOG_LEVEL: "warn" },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
