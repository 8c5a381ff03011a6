#!/usr/bin/env node
// npm run console                 - build and start the console (embedded SQLite, examples loaded)
// npm run console -- <command>    - administration from the command line (see scripts/cli/main.ts)
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: "inherit" }).status ?? 1;

// A bad environment stops here with the variables at fault, rather than after a minute of building
// (npm start checks again) or with a stack trace from the command line's first database call.
const mode = args.length === 0 || process.env.NODE_ENV === "production" ? [] : ["--", "development"];
const checked = run(npm, ["run", "env:check", "--silent", ...mode]);
if (checked !== 0) process.exit(checked);

if (args.length === 0) {
  const built = run(npm, ["run", "build", "--silent"]);
  process.exit(built === 0 ? run(npm, ["start", "--silent"]) : built);
}
// The command may be the first thing run on a fresh machine: bring the database up to date first.
const migrated = spawnSync(npm, ["run", "db:migrate", "--silent"], { stdio: ["ignore", "ignore", "inherit"] }).status;
if (migrated !== 0) process.exit(migrated ?? 1);
process.exit(run(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", ...args]));
