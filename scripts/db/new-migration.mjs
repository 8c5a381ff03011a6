#!/usr/bin/env node
// `npm run db:migration -- <name>`: the one command for changing the database schema.
// Edit prisma/schema.prisma, then run it; it writes
// prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql in Prisma's own layout, and the same
// change for PostgreSQL in prisma/postgresql/migrations (it needs a PostgreSQL server for a scratch
// database: TEST_DATABASE_URL, or the local one).
//
// How (and why not `prisma migrate dev`): the CLI needs a downloaded schema engine. Here the
// WebAssembly engine (schema-engine.mjs) builds a throw-away SQLite database from the
// committed migrations and diffs it against prisma/schema.prisma; the diff is the SQL
// `prisma migrate dev` would have written. The new migration is then applied to the same
// throw-away database to prove the history now matches the schema exactly.
// The development database is not touched: run `npm run db:migrate` afterwards.

import { randomUUID } from "node:crypto";
import { mkdtemp, mkdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { writePostgresSchema } from "./postgres-schema.mjs";
import { MIGRATION_LOCK_FILE, PROJECT_ROOT, PROVIDER_PATHS, migrationLockContent, openSchemaEngine } from "./schema-engine.mjs";

const POSTGRES_SERVER_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

const USAGE = "usage: npm run db:migration -- <name>   (e.g. add_agent_table)";

/**
 * Migration name as `prisma migrate dev --name` makes it (slugify with "_"): camelCase is
 * split, everything lower-cased, anything but letters and digits becomes "_", max 200 chars.
 */
function slugifyMigrationName(name) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** The engine's migration timestamp: UTC, YYYYMMDDHHMMSS. */
function migrationTimestamp(date = new Date()) {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

const exists = (file) =>
  stat(file).then(
    () => true,
    () => false,
  );
const relative = (file) => path.relative(PROJECT_ROOT, file);

/** Runs `work` with a scratch database of the provider, removed afterwards. */
async function withScratchDatabase(provider, work) {
  if (provider === "sqlite") {
    const scratchDir = await mkdtemp(path.join(os.tmpdir(), "db-migration-"));
    try {
      return await work({ databaseFile: path.join(scratchDir, "scratch.db") });
    } finally {
      await rm(scratchDir, { recursive: true, force: true });
    }
  }
  const server = new URL(POSTGRES_SERVER_URL);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: 5_000 });
  await admin.connect().catch((error) => {
    throw new Error(`PostgreSQL is needed to write its migration (${error.message}); start it or set TEST_DATABASE_URL`);
  });
  const name = `migration_scratch_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const scratch = new URL(server);
    scratch.pathname = `/${name}`;
    return await work({ databaseUrl: scratch.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/** Writes the provider's migration `directoryName` for the schema change; false when there is none. */
async function writeMigration(provider, directoryName) {
  const { schemaPath, migrationsDir } = PROVIDER_PATHS[provider];
  return withScratchDatabase(provider, async (target) => {
    const db = await openSchemaEngine(target);
    try {
      // 1. Replay the committed history into an empty database.
      await db.applyMigrations(migrationsDir).catch((error) => {
        throw new Error(`the committed ${provider} migrations do not apply to an empty database: ${error.message}`);
      });

      // 2. What is missing between that database and the schema?
      const { sql, isEmpty } = await db.diffDatabaseToSchema(schemaPath);
      if (isEmpty) {
        console.log(`db:migration: no changes (${relative(schemaPath)} matches ${relative(migrationsDir)})`);
        return false;
      }

      // Prefer the engine's own migration script: the same SQL, plus the "Warnings" comment
      // `prisma migrate dev` puts above destructive changes. Only used if its SQL is the diff.
      // (SQLite only: on PostgreSQL it needs a shadow database the engine then fails to clean up.)
      const prismaScript = provider === "sqlite" ? await db.createMigrationScript(migrationsDir, schemaPath).catch(() => null) : null;
      const withWarnings = typeof prismaScript === "string" && prismaScript.endsWith(sql);
      const script = withWarnings ? prismaScript : sql;

      // 3. Write it in Prisma's layout (same as `prisma migrate dev --create-only`).
      const directory = path.join(migrationsDir, directoryName);
      if (await exists(directory)) throw new Error(`${relative(directory)} already exists`);
      await mkdir(directory, { recursive: true });
      const scriptPath = path.join(directory, "migration.sql");
      await writeFile(scriptPath, script, "utf8");
      await writeFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), migrationLockContent(provider), "utf8");

      // 4. Prove it: the new history must apply and leave nothing to diff.
      try {
        await db.applyMigrations(migrationsDir);
        const after = await db.diffDatabaseToSchema(schemaPath);
        if (!after.isEmpty) throw new Error(`a diff remains after applying it:\n${after.sql}`);
      } catch (error) {
        await rm(directory, { recursive: true, force: true });
        throw new Error(`generated ${provider} migration failed its check and was removed: ${error.message}`);
      }

      console.log(`db:migration: wrote ${relative(scriptPath)}`);
      if (script.startsWith("/*\n  Warnings:")) {
        console.log("db:migration: it has data-loss warnings (see the comment at its top): review before committing");
      } else if (!withWarnings && /^\s*(DROP|-- RedefineTables)/im.test(sql)) {
        // Fallback path: no engine warnings available, so flag drops/rebuilds ourselves.
        console.log("db:migration: it drops or rebuilds tables/columns: review it for data loss before committing");
      }
      return true;
    } finally {
      await db.close();
    }
  });
}

async function main() {
  const rawName = process.argv.slice(2).join(" ").trim();
  const name = slugifyMigrationName(rawName);
  if (!name) {
    console.error(rawName ? `db:migration: "${rawName}" has no usable characters\n${USAGE}` : USAGE);
    process.exit(2);
  }
  await writePostgresSchema();
  const directoryName = `${migrationTimestamp()}_${name}`;
  const wroteSqlite = await writeMigration("sqlite", directoryName);
  const wrotePostgres = await writeMigration("postgresql", directoryName);
  if (wroteSqlite || wrotePostgres) {
    console.log("db:migration: apply it to your database with `npm run db:migrate`, and run `npm run db:generate` for the clients");
  }
}

main().catch((error) => {
  console.error(`db:migration: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
