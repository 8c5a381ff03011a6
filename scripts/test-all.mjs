// npm test - every check a change must pass: lint, typecheck, unit tests, production build and the
// Playwright suite in Debian's Chromium. Ends with one line "N passed, N failed" over all runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

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

mkdirSync("test-results", { recursive: true });
check("lint", "npm", ["run", "lint"]);
check("typecheck", "npx", ["tsc", "--noEmit"]);

rmSync("test-results/unit-report.json", { force: true });
run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit-report.json"]);
const unit = readReport("test-results/unit-report.json");
if (unit) record("unit", unit.numPassedTests, unit.numFailedTests + (unit.success || unit.numFailedTests > 0 ? 0 : 1));
else record("unit", 0, 1);

const built = check("build", "npx", ["next", "build"]);
if (!built || !ensureDebianPackages()) {
  record("e2e", 0, 1);
} else {
  rmSync("test-results/e2e-report.json", { force: true });
  run("npx", ["playwright", "test"]);
  const e2e = readReport("test-results/e2e-report.json");
  const stats = e2e?.stats;
  if (stats) record("e2e", stats.expected + stats.flaky, stats.unexpected + (e2e.errors?.length ?? 0));
  else record("e2e", 0, 1);
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log("");
for (const result of results) console.log(`  ${result.runner.padEnd(10)} ${result.passed} passed, ${result.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
