#!/usr/bin/env node
// `npm run db:migrate`: apply the committed migrations (prisma/migrations) to the SQLite
// database at DATABASE_URL (default file:./data/console.db, relative to the project root).
//
// This is `prisma migrate deploy` without the download: the same engine (WebAssembly build,
// see schema-engine.mjs) applies each migration not yet recorded in `_prisma_migrations` and
// records it there with the same checksum, so running it again does nothing, and the CLI on
// a machine with internet sees the same history.

import path from "node:path";

import {
  DEFAULT_DATABASE_URL,
  MIGRATIONS_DIR,
  PROJECT_ROOT,
  loadProjectEnv,
  openSchemaEngine,
  sqliteFileFromUrl,
} from "./schema-engine.mjs";

/** Path shown to humans: relative to the project root when inside it. */
function displayPath(file) {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

async function main() {
  await loadProjectEnv();
  const databaseFile = sqliteFileFromUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
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
