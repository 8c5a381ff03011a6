// npm run console:cluster -- [--instances 2] [--port 3000] [--host 127.0.0.1]
//
// Several production console instances on one PostgreSQL database (DATABASE_URL) behind a small
// round-robin proxy on --port, for trying the console as a team would run it and for the tests.
// It migrates and seeds the database first, builds the console if no build exists, starts the
// instances on the next ports (3001, 3002, ...), prints the addresses, and stops them all on
// Ctrl-C or SIGTERM. An instance that dies is reported; the proxy passes its share to the others.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { prettyFactory } from "pino-pretty";

import { providerOfUrl } from "../../lib/db/database-url.mjs";
import { ConsoleInstance } from "./console-instance";
import { type RoundRobinProxy, startRoundRobinProxy } from "./round-robin-proxy";

const USAGE = "usage: npm run console:cluster -- [--instances 2] [--port 3000] [--host 127.0.0.1]";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) fail(`--${name} must be a whole number from ${min} to ${max}\n${USAGE}`);
  return parsed;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        instances: { type: "string", default: "2" },
        port: { type: "string", default: "3000" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const instanceCount = wholeNumber("instances", values.instances, 1, 16);
const port = wholeNumber("port", values.port, 1, 65535 - instanceCount);
const host = values.host;

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
const databaseUrl = process.env.DATABASE_URL ?? "";
if (!databaseUrl || providerOfUrl(databaseUrl) !== "postgresql") {
  fail(
    "npm run console:cluster needs DATABASE_URL=postgresql://...: several instances cannot share one SQLite file.\n" +
      "For example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/console npm run console:cluster -- --instances 2",
  );
}

const proxyUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
const shared: Record<string, string> = {
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? proxyUrl,
  // The proxy is one hop: the instances take the client's address from its X-Forwarded-For.
  TRUST_PROXY: process.env.TRUST_PROXY ?? "1",
};
if (!process.env.NEXTAUTH_SECRET) {
  // Every instance must sign and check sessions with the same key.
  shared.NEXTAUTH_SECRET = randomBytes(32).toString("base64");
  console.log("NEXTAUTH_SECRET is not set: the instances share one made for this run (sign-ins end with it).");
}

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...shared } }).status ?? 1;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
if (run(npm, ["run", "env:check", "--silent"]) !== 0) process.exit(1);
if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: building the console first (a few minutes).");
  if (run(npm, ["run", "build", "--silent"]) !== 0) process.exit(1);
}
// Once, before any instance starts: instances starting together must not migrate at the same time.
if (run(npm, ["run", "db:prepare", "--silent"]) !== 0) process.exit(1);

// The instances write JSON lines into the pipe; a person at a terminal reads them as the console's own logger would print them.
const prettify = process.stdout.isTTY
  ? prettyFactory({ translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", singleLine: true })
  : undefined;
const readable = (line: string) => (prettify ? prettify(line).trimEnd() : line);

let shuttingDown = false;
const instances = Array.from(
  { length: instanceCount },
  (_, index) =>
    new ConsoleInstance({
      port: port + 1 + index,
      host,
      env: shared,
      onLine: (line) => console.log(`[instance ${index + 1}] ${readable(line)}`),
      onUnexpectedExit: (code, signal) => {
        if (shuttingDown) return;
        console.error(`[instance ${index + 1}] exited (${signal ?? `code ${code}`}); the proxy passes its requests to the others`);
        if (instances.every((instance) => instance.pid === undefined)) void shutDown(1);
      },
    }),
);
let proxy: RoundRobinProxy | undefined;

async function shutDown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log("Stopping the instances...");
  await Promise.allSettled([proxy?.close(), ...instances.map((instance) => instance.stop())]);
  process.exit(exitCode);
}
process.once("SIGINT", () => void shutDown(0));
process.once("SIGTERM", () => void shutDown(0));

try {
  await Promise.all(instances.map((instance) => instance.start()));
  proxy = await startRoundRobinProxy({ targets: instances.map((instance) => instance.url), port, host });
} catch (error) {
  console.error(`The cluster did not start: ${(error as Error).message}`);
  await shutDown(1);
}
console.log(
  [
    "",
    `Cluster Console: open ${shared.NEXTAUTH_URL} (round robin over ${instanceCount} instances on one PostgreSQL database)`,
    ...instances.map((instance, index) => `  instance ${index + 1}: ${instance.url} (pid ${instance.pid})`),
    "Ctrl-C stops them all.",
  ].join("\n"),
);
