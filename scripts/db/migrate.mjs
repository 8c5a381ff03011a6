#!/usr/bin/env node
// `npm run db:migrate`: apply the committed migrations (prisma/migrations) to the SQLite
// database at DATABASE_URL (default file:./data/console.db, relative to the project root).
//
// This is `prisma migrate deploy` without the download: the same engine (WebAssembly build,
// see schema-engine.mjs) applies each migration not yet recorded in `_prisma_migrations` and
// records it there with the same checksum, so running it again does nothing, and the CLI on
// a machine with internet sees the same history.

import { existsSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import {
  DEFAULT_DATABASE_URL,
  MIGRATIONS_DIR,
  PROJECT_ROOT,
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
function isUpToDate(databaseFile, migrationNames) {
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

async function main() {
  await loadProjectEnv();
  const databaseFile = sqliteFileFromUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const migrationNames = (await readMigrationsList(MIGRATIONS_DIR)).migrationDirectories.map((migration) => migration.path);
  if (isUpToDate(databaseFile, migrationNames)) {
    console.log(`db:migrate: ${displayPath(databaseFile)} is up to date (${plural(migrationNames.length, "migration")})`);
    return;
  }
  // openSchemaEngine creates the database's directory (data/ by default) if missing.
  const db = await openSchemaEngine({ databaseFile });
  try {
    const { appliedMigrationNames, migrationCount } = await db.applyMigrations(MIGRATIONS_DIR);
    const where = displayPath(databaseFile);
    if (migrationCount === 0) {
      console.log(`db:migrate: no migrations in ${displayPath(MIGRATIONS_DIR)}; ${where} unchanged`);
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
