#!/usr/bin/env node
// `npm run db:migrate`: apply the committed migrations to the database at DATABASE_URL: a SQLite
// file (default file:./data/console.db, relative to the project root; prisma/migrations) or a
// PostgreSQL database (postgresql://...; prisma/postgresql/migrations), which must exist.
//
// This is `prisma migrate deploy` without the download: the same engine (WebAssembly build,
// see schema-engine.mjs) applies each migration not yet recorded in `_prisma_migrations` and
// records it there with the same checksum, so running it again does nothing, and the CLI on
// a machine with internet sees the same history.

import { existsSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { describeDatabaseUrl, providerOfUrl } from "../../lib/db/database-url.mjs";
import {
  DEFAULT_DATABASE_URL,
  PROJECT_ROOT,
  PROVIDER_PATHS,
  loadProjectEnv,
  openSchemaEngine,
  readMigrationsList,
  sqliteFileFromUrl,
} from "./schema-engine.mjs";

/** Path shown to humans: relative to the project root when inside it. */
function displayPath(file) {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * Whether every migration in the folder is recorded as applied. Then the engine is not opened: it
 * locks the file exclusively (`PRAGMA locking_mode=EXCLUSIVE`), which a database in WAL mode
 * refuses while any other connection has it open, so `npm run console -- ...` (which migrates
 * first) would fail whenever the server runs.
 */
function isSqliteUpToDate(databaseFile, migrationNames) {
  if (migrationNames.length === 0 || !existsSync(databaseFile)) return false;
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const applied = new Set(
      db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").pluck().all(),
    );
    return migrationNames.every((name) => applied.has(name));
  } finally {
    db.close();
  }
}

/** The same check on PostgreSQL, where it saves the engine's start (about a second) on every CLI call. */
async function isPostgresUpToDate(databaseUrl, migrationNames) {
  if (migrationNames.length === 0) return false;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') AS name");
    if (!table.rows[0]?.name) return false;
    const { rows } = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames.every((name) => applied.has(name));
  } finally {
    await client.end();
  }
}

async function main() {
  await loadProjectEnv();
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const provider = providerOfUrl(databaseUrl);
  const { migrationsDir } = PROVIDER_PATHS[provider];
  const databaseFile = provider === "sqlite" ? sqliteFileFromUrl(databaseUrl) : undefined;
  const where = databaseFile ? displayPath(databaseFile) : describeDatabaseUrl(databaseUrl);
  const migrationNames = (await readMigrationsList(migrationsDir)).migrationDirectories.map((migration) => migration.path);
  const upToDate = databaseFile ? isSqliteUpToDate(databaseFile, migrationNames) : await isPostgresUpToDate(databaseUrl, migrationNames);
  if (upToDate) {
    console.log(`db:migrate: ${where} is up to date (${plural(migrationNames.length, "migration")})`);
    return;
  }
  // openSchemaEngine creates a SQLite database's directory (data/ by default) if missing.
  const db = await openSchemaEngine(databaseFile ? { databaseFile } : { databaseUrl });
  try {
    const { appliedMigrationNames, migrationCount } = await db.applyMigrations(migrationsDir);
    if (migrationCount === 0) {
      console.log(`db:migrate: no migrations in ${displayPath(migrationsDir)}; ${where} unchanged`);
    } else if (appliedMigrationNames.length === 0) {
      console.log(`db:migrate: ${where} is up to date (${plural(migrationCount, "migration")})`);
    } else {
      console.log(
        `db:migrate: applied ${plural(appliedMigrationNames.length, "migration")} to ${where}: ` + appliedMigrationNames.join(", "),
      );
    }
  } finally {
    await db.close();
  }
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

main().catch((error) => {
  console.error(`db:migrate: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
