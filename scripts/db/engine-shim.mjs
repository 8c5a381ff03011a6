#!/usr/bin/env node
// A stand-in for Prisma's native schema engine binary, backed by the WebAssembly engine.
//
// Why: the Prisma CLI downloads its native schema engine for every `prisma migrate ...` /
// `prisma db ...` command and fails offline, unless PRISMA_SCHEMA_ENGINE_BINARY names an
// existing file, which it then spawns instead. This file is that executable: it speaks the
// CLI's protocol (newline-delimited JSON-RPC 2.0 on stdin/stdout, JSON log lines on stderr)
// and answers each request with the same-named method of @prisma/schema-engine-wasm on the
// SQLite database of the config's datasource (see schema-engine.mjs).
//
//   PRISMA_SCHEMA_ENGINE_BINARY=scripts/db/engine-shim.mjs npx prisma migrate status
//
//   (or: npm run db:prisma -- migrate status)
//
// Checked offline with prisma 7.10.1: `migrate deploy`, `migrate status`, `migrate diff`
// (--from-empty / --from-migrations / --from-config-datasource), `migrate reset --force`,
// `migrate dev --name x` (with and without --create-only), `db push`. The documented way to
// add a migration stays `npm run db:migration -- <name>` (no CLI in the loop).
// Set PRISMA_ENGINE_SHIM_TRACE=<file> to append every request and response to <file>.

import { appendFileSync, existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";

import Database from "better-sqlite3";

import { openSchemaEngine, readMigrationsList, sqliteFileFromUrl } from "./schema-engine.mjs";

const ENGINE_HASH = "59be4fda12412a79eeb9c2ae727b6aa723593323"; // @prisma/schema-engine-wasm build

/** `schema-engine --datamodels a.prisma --datamodels b.prisma --datasource '{"url":...}'` */
function parseArguments(argv) {
  const options = { datamodels: [], datasource: undefined, version: false, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--version" || flag === "-V") options.version = true;
    else if (flag === "cli") options.cliCommand = argv[++i];
    else if (flag === "--datamodels") options.datamodels.push(argv[++i]);
    else if (flag === "--datasource") options.datasource = JSON.parse(argv[++i] ?? "{}");
    else if (flag === "--enabled-preview-features" || flag === "--extension-types") i++;
  }
  return options;
}

const trace = (direction, value) => {
  const file = process.env.PRISMA_ENGINE_SHIM_TRACE;
  if (file) appendFileSync(file, `${direction} ${JSON.stringify(value)}\n`);
};

function send(message) {
  trace(">>", message);
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Error in the shape the CLI reads: `error.data.message`, `error.data.error_code`. */
function errorResponse(id, error) {
  const cause = error?.cause ?? error;
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: {
        is_panic: false,
        // The CLI prefixes the code itself; drop our "schema engine X failed [P1234]: ".
        message: error instanceof Error ? error.message.replace(/^schema engine \w+ failed( \[\w+\])?: /, "") : String(error),
        ...(typeof cause?.code === "string" ? { error_code: cause.code } : {}),
        meta: cause?.meta ?? null,
      },
    },
  };
}

/** Log line in the native engine's format; the CLI looks for ERROR lines from this target. */
function logError(errorCode, message) {
  const fields = { message, ...(errorCode ? { error_code: errorCode } : {}) };
  process.stderr.write(`${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields })}\n`);
}

/**
 * `schema-engine --datasource '{"url":...}' cli <command>`: one-shot commands the CLI runs
 * before migrating (check the database exists, create it). For SQLite, the database is the file.
 */
async function runCliCommand(command, url) {
  const file = sqliteFileFromUrl(url ?? "", process.cwd());
  // The CLI skips the first stderr line when parsing, as the native engine logs its start first.
  process.stderr.write(`${JSON.stringify({ level: "INFO", fields: { message: "engine-shim" } })}\n`);
  switch (command) {
    case "can-connect-to-database":
      if (existsSync(file)) return 0;
      logError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\``);
      return 1;
    case "create-database": {
      await mkdir(path.dirname(file), { recursive: true });
      new Database(file).close(); // creates an empty SQLite file
      return 0;
    }
    case "drop-database":
      await rm(file, { force: true });
      return 0;
    default:
      logError(undefined, `engine-shim: unsupported cli command "${command}"`);
      return 1;
  }
}

/** Drop every table, view, index and trigger (what the native engine's SQLite reset achieves). */
function emptySqliteFile(file) {
  const sqlite = new Database(file);
  try {
    const objects = sqlite
      .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' " + "AND type IN ('table', 'view', 'trigger')")
      .all();
    sqlite.pragma("foreign_keys = OFF");
    sqlite.transaction(() => {
      // Indexes go with their tables.
      for (const { type, name } of objects) {
        sqlite.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}"`);
      }
    })();
    sqlite.exec("VACUUM");
  } finally {
    sqlite.close();
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.version) {
    process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
    return;
  }
  if (options.cliCommand) {
    process.exitCode = await runCliCommand(options.cliCommand, options.datasource?.url);
    return;
  }

  // The CLI starts us in the config's directory; relative SQLite paths resolve from there.
  const url = options.datasource?.url;
  const databaseFile = url ? sqliteFileFromUrl(url, process.cwd()) : ":memory:";
  const db = await openSchemaEngine({
    databaseFile,
    schemaPath: options.datamodels.length > 0 ? options.datamodels : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
  });

  // Requests the WASM engine lacks or answers differently from the native one.
  const overrides = {
    // The native engine sends diff output back as a `print` request; the CLI prints that and
    // ignores `stdout` in the result.
    async diff(params) {
      const result = await db.call("diff", params);
      if (result.stdout) await requestFromCli("print", { content: result.stdout.replace(/\n$/, "") });
      return { ...result, stdout: null };
    },
    // For SQLite, creating the database means creating the file (opening it does that).
    async createDatabase() {
      await db.call("ensureConnectionValidity", { datasource: { tag: "ConnectionString", url: url ?? "" } });
      return { databaseName: path.basename(databaseFile) };
    },
    // `migrate reset`, `db push --force-reset`: the WASM build's reset leaves SQLite tables in
    // place (the migrations then fail on "table already exists"), so empty the file here.
    async reset() {
      if (databaseFile !== ":memory:" && existsSync(databaseFile)) emptySqliteFile(databaseFile);
      return {};
    },
    async getDatabaseVersion() {
      return db.call("version", undefined);
    },
    // The WASM build fails with P1014 on a database without `_prisma_migrations`, where the
    // native engine reports "no table, every migration unapplied" (what `migrate status` shows).
    async diagnoseMigrationHistory(params) {
      try {
        return await db.call("diagnoseMigrationHistory", params);
      } catch (error) {
        if (error?.code !== "P1014") throw error;
        const list = params.migrationsList ?? (await readMigrationsList());
        const names = list.migrationDirectories.map((directory) => directory.path);
        return {
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: false,
          history: names.length > 0 ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null,
        };
      }
    },
  };

  // Requests we send to the CLI (only `print`) and the callbacks awaiting their answers.
  let nextOwnId = 1_000_000;
  const pendingOwn = new Map();
  const requestFromCli = (method, params) =>
    new Promise((resolve) => {
      const id = nextOwnId++;
      pendingOwn.set(id, resolve);
      send({ jsonrpc: "2.0", id, method, params });
    });

  const handle = async (request) => {
    const { id, method, params } = request;
    try {
      const override = overrides[method];
      if (!override && typeof db.engine[method] !== "function") {
        send({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
        return;
      }
      const result = override ? await override(params) : await db.call(method, params);
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      send(errorResponse(id, error));
    }
  };

  const inFlight = new Set();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const message = JSON.parse(line);
    trace("<<", message);
    if (message.method === undefined && pendingOwn.has(message.id)) {
      pendingOwn.get(message.id)(message.result);
      pendingOwn.delete(message.id);
      continue;
    }
    const task = handle(message).finally(() => inFlight.delete(task));
    inFlight.add(task);
  }
  // stdin closed: the CLI is done with us.
  await Promise.allSettled([...inFlight]);
  await db.close();
}

main().catch((error) => {
  process.stderr.write(`${JSON.stringify({ level: "ERROR", fields: { message: `engine-shim: ${error?.message ?? error}` } })}\n`);
  process.exit(1);
});
