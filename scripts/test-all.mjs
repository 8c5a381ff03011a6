// npm test - every check a change must pass: lint, typecheck, unit tests, production build and the
// Playwright suite in Debian's Chromium, the unit and e2e suites once on SQLite and again on
// PostgreSQL when one is reachable (TEST_DATABASE_URL, or 127.0.0.1:5432). REQUIRE_POSTGRES=true
// (.ci/run sets it) makes an unreachable PostgreSQL a failure. Ends with one line
// "N passed, N failed" over all runners and both databases.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

import pg from "pg";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = [];

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const outcome = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return outcome.status === 0;
}

function record(runner, passed, failed) {
  results.push({ runner, passed, failed });
  console.log(`[${runner}] ${passed} passed, ${failed} failed`);
}

/** A runner that is one check: it passes or fails as a whole. */
function check(runner, command, args) {
  const ok = run(command, args);
  record(runner, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const onPath = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/** Debian's chromium for the browser tests, and curl and jq for the examples' walkthrough. */
function ensureDebianPackages() {
  const missing = [...(existsSync(CHROMIUM) ? [] : ["chromium"]), ...["curl", "jq"].filter((command) => !onPath(command))];
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Missing: ${missing.join(", ")}. Install Debian's packages, then run npm test again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}`,
    );
    return false;
  }
  console.log(`Installing Debian's ${missing.join(", ")} for the browser tests and the examples…`);
  return run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", ...missing], { DEBIAN_FRONTEND: "noninteractive" });
}

const POSTGRES_SERVER_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** A client on the PostgreSQL server's `postgres` database, or null when none answers in two seconds. */
async function postgresAdmin() {
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => {});
    return null;
  }
}

function postgresUrl(database) {
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

function unitLeg(runner, extraEnv) {
  const reportFile = `test-results/${runner}-report.json`;
  rmSync(reportFile, { force: true });
  run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`], extraEnv);
  const unit = readReport(reportFile);
  if (unit) record(runner, unit.numPassedTests, unit.numFailedTests + (unit.success || unit.numFailedTests > 0 ? 0 : 1));
  else record(runner, 0, 1);
}

function e2eLeg(runner, extraEnv) {
  rmSync("test-results/e2e-report.json", { force: true });
  run("npx", ["playwright", "test"], extraEnv);
  const e2e = readReport("test-results/e2e-report.json");
  const stats = e2e?.stats;
  if (stats) record(runner, stats.expected + stats.flaky, stats.unexpected + (e2e.errors?.length ?? 0));
  else record(runner, 0, 1);
}

mkdirSync("test-results", { recursive: true });
check("lint", "npm", ["run", "lint"]);
check("typecheck", "npx", ["tsc", "--noEmit"]);

unitLeg("unit", {});

const admin = await postgresAdmin();
if (!admin) {
  const required = process.env.REQUIRE_POSTGRES === "true";
  console.log(
    `\nPostgreSQL does not answer at ${new URL(POSTGRES_SERVER_URL).host}: ${required ? "the PostgreSQL leg fails" : "skipping the PostgreSQL leg"}.`,
  );
  if (required) record("postgresql", 0, 1);
} else {
  await admin.end();
  unitLeg("unit-pg", { TEST_DATABASE_PROVIDER: "postgresql" });
}

const built = check("build", "npx", ["next", "build"]);
const browserReady = built && ensureDebianPackages();
if (!browserReady) {
  record("e2e", 0, 1);
} else {
  e2eLeg("e2e", {});
}

if (admin && browserReady) {
  // Two databases the servers' start empties again (scripts/test/fresh-database.mjs); dropped after.
  const suffix = randomUUID().replaceAll("-", "").slice(0, 12);
  const databases = { E2E_DATABASE_URL: postgresUrl(`t_e2e_${suffix}`), E2E_FIRST_RUN_DATABASE_URL: postgresUrl(`t_e2e_first_${suffix}`) };
  try {
    e2eLeg("e2e-pg", databases);
  } finally {
    const cleanup = await postgresAdmin();
    for (const url of Object.values(databases)) {
      await cleanup?.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`).catch(() => {});
    }
    await cleanup?.end();
  }
} else if (admin) {
  record("e2e-pg", 0, 1);
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log("");
for (const result of results) console.log(`  ${result.runner.padEnd(10)} ${result.passed} passed, ${result.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
