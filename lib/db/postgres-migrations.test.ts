// PostgreSQL keeps its own migrations (prisma/postgresql/migrations) for the schema generated from
// prisma/schema.prisma. Both must stay in step with the one schema source; runs when PostgreSQL is
// reachable (TEST_DATABASE_URL, or the local server).
import { readFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { postgresSchemaFrom, POSTGRES_SCHEMA_PATH, SQLITE_SCHEMA_PATH } from "@/scripts/db/postgres-schema.mjs";
import { migrationLockContent, openSchemaEngine, POSTGRES_MIGRATIONS_DIR } from "@/scripts/db/schema-engine.mjs";
import { createPrismaClient } from "@/lib/db";
import { createTestDatabase, dropTestDatabase, isPostgresReachable } from "@/lib/test/postgres-databases";

const reachable = await isPostgresReachable();

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with only the provider and the client folder changed", async () => {
    const generated = postgresSchemaFrom(await readFile(SQLITE_SCHEMA_PATH, "utf8"));
    expect(await readFile(POSTGRES_SCHEMA_PATH, "utf8"), "run npm run db:generate and commit the result").toBe(generated);
  });

  it("has Prisma's lock file for postgresql", async () => {
    expect(await readFile(path.join(POSTGRES_MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toBe(migrationLockContent("postgresql"));
  });
});

describe.runIf(reachable)("the committed PostgreSQL migrations", () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase("t_migrations");
  });
  afterAll(async () => {
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it("produce exactly the schema (empty diff), idempotently, and a database the client can use", async () => {
    const engine = await openSchemaEngine({ databaseUrl });
    try {
      const { appliedMigrationNames, migrationCount } = await engine.applyMigrations();
      expect(appliedMigrationNames).toHaveLength(migrationCount);
      expect((await engine.applyMigrations()).appliedMigrationNames).toEqual([]);
      const diff = await engine.diffDatabaseToSchema();
      expect(diff.sql).toBe("");
    } finally {
      await engine.close();
    }
    const prisma = createPrismaClient(databaseUrl);
    try {
      await prisma.blueprint.create({
        data: { id: "bp-pg", name: "PG", version: "1.0.0", revisions: { create: { revision: 1, version: "1.0.0", blueprintYaml: "x" } } },
      });
      expect(await prisma.blueprintRevision.count({ where: { blueprintId: "bp-pg" } })).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });
});
