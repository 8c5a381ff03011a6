#!/usr/bin/env node
// One schema source, two providers: prisma/schema.prisma (SQLite, the embedded default) is the
// only schema anyone edits; this writes prisma/postgresql/schema.prisma from it, differing only in
// the datasource's provider and the generated client's folder. Run by `npm run db:generate` and
// `npm run db:migration`; a unit test fails while the committed copy is behind.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SQLITE_SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA_PATH = path.join(ROOT, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// Generated from prisma/schema.prisma by scripts/db/postgres-schema.mjs (npm run db:generate):\n" +
  "// edit that file, never this one. Only the provider and the client's folder differ.\n";

/** The PostgreSQL schema for the SQLite schema's text. */
export function postgresSchemaFrom(sqliteSchema) {
  const replaced = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"');
  if (!replaced.includes('"postgresql"') || !replaced.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma: could not find the sqlite datasource and the client output to rewrite");
  }
  return HEADER + replaced;
}

export async function writePostgresSchema() {
  const text = postgresSchemaFrom(await readFile(SQLITE_SCHEMA_PATH, "utf8"));
  await mkdir(path.dirname(POSTGRES_SCHEMA_PATH), { recursive: true });
  await writeFile(POSTGRES_SCHEMA_PATH, text, "utf8");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writePostgresSchema();
}
