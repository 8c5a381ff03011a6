// The committed migrations (prisma/migrations) must build exactly prisma/schema.prisma.
// If this fails after a schema edit, run `npm run db:migration -- <name>` and commit the result.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MIGRATION_LOCK_CONTENT, MIGRATIONS_DIR, openSchemaEngine } from "@/scripts/db/schema-engine.mjs";
import { createPrismaClient } from "@/lib/db";

let scratchDir: string;

beforeAll(async () => {
  scratchDir = await mkdtemp(path.join(os.tmpdir(), "migrations-test-"));
});

afterAll(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

/** Apply the committed migrations to `file` with a fresh engine, as `npm run db:migrate` does. */
async function migrate(file: string): Promise<string[]> {
  const engine = await openSchemaEngine({ databaseFile: file });
  try {
    return (await engine.applyMigrations(MIGRATIONS_DIR)).appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("committed migrations", () => {
  it("are in Prisma's layout", async () => {
    const names = await committedMigrationNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    const lock = await readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
    expect(lock).toBe(MIGRATION_LOCK_CONTENT);
  });

  it("produce exactly prisma/schema.prisma (empty diff)", async () => {
    const engine = await openSchemaEngine({ databaseFile: path.join(scratchDir, "diff.db") });
    try {
      const { appliedMigrationNames } = await engine.applyMigrations(MIGRATIONS_DIR);
      expect(appliedMigrationNames).toEqual(await committedMigrationNames());
      const diff = await engine.diffDatabaseToSchema();
      expect(diff.sql).toBe("");
      expect(diff.isEmpty).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it("apply idempotently and record _prisma_migrations like `prisma migrate deploy`", async () => {
    const file = path.join(scratchDir, "twice.db");
    const names = await committedMigrationNames();
    expect(await migrate(file)).toEqual(names);
    expect(await migrate(file)).toEqual([]);

    const sqlite = new Database(file, { readonly: true });
    try {
      const rows = sqlite
        .prepare(
          "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count " +
            "FROM _prisma_migrations ORDER BY migration_name",
        )
        .all() as {
        migration_name: string;
        checksum: string;
        finished_at: string | null;
        rolled_back_at: string | null;
        applied_steps_count: number;
      }[];
      expect(rows.map((row) => row.migration_name)).toEqual(names);
      for (const row of rows) {
        const script = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      sqlite.close();
    }
  });

  it("give a database the Prisma client can use (Blueprint with a revision)", async () => {
    const file = path.join(scratchDir, "client.db");
    await migrate(file);
    const prisma = createPrismaClient(`file:${file}`);
    try {
      await prisma.blueprint.create({
        data: {
          id: "bp-web",
          name: "Web tier",
          version: "1.0.0",
          tagsJson: JSON.stringify(["web"]),
          revisions: {
            create: { revision: 1, version: "1.0.0", blueprintYaml: "name: web\n", createdBy: "test" },
          },
        },
      });

      const stored = await prisma.blueprint.findUnique({
        where: { id: "bp-web" },
        include: { revisions: true },
      });
      expect(stored).toMatchObject({
        name: "Web tier",
        isActive: true,
        currentRevision: 1,
        agentCount: 0,
        description: null,
      });
      expect(JSON.parse(stored?.tagsJson ?? "null")).toEqual(["web"]);
      expect(stored?.createdAt).toBeInstanceOf(Date);
      expect(stored?.revisions).toHaveLength(1);
      expect(stored?.revisions[0]).toMatchObject({
        blueprintId: "bp-web",
        revision: 1,
        blueprintYaml: "name: web\n",
      });

      // (blueprintId, revision) is unique; deleting a blueprint cascades to its revisions.
      await expect(
        prisma.blueprintRevision.create({
          data: { blueprintId: "bp-web", revision: 1, version: "1.0.0", blueprintYaml: "" },
        }),
      ).rejects.toMatchObject({ code: "P2002" });
      await prisma.blueprint.delete({ where: { id: "bp-web" } });
      expect(await prisma.blueprintRevision.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });
});
