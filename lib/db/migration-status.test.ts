import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrationsFolder, readMigrationStatus } from "@/lib/db/migration-status";

// The test database is migrated by lib/test/setup-database.ts from its provider's folder.
const newestMigration = async () =>
  (await db.$queryRaw<Array<{ name: string }>>`SELECT max(migration_name) AS name FROM _prisma_migrations`)[0]!.name;

afterEach(async () => {
  await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = started_at, rolled_back_at = NULL`;
  await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = 'from_a_newer_build'`;
});

describe("readMigrationStatus", () => {
  it("reads each provider's own folder", () => {
    expect(migrationsFolder("sqlite", "/app")).toBe(path.join("/app", "prisma", "migrations"));
    expect(migrationsFolder("postgresql", "/app")).toBe(path.join("/app", "prisma", "postgresql", "migrations"));
  });

  it("is current when every shipped migration is applied, also beside a newer build's", async () => {
    expect(await readMigrationStatus()).toBe("current");
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES ('newer', 'x', 'from_a_newer_build', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)`;
    expect(await readMigrationStatus()).toBe("current");
  });

  it("is pending when a shipped migration is unfinished or rolled back", async () => {
    const newest = await newestMigration();
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${newest}`;
    expect(await readMigrationStatus()).toBe("pending");
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = started_at, rolled_back_at = started_at WHERE migration_name = ${newest}`;
    expect(await readMigrationStatus()).toBe("pending");
  });

  it("is unknown when the build's migration folders cannot be read", async () => {
    expect(await readMigrationStatus(path.join(os.tmpdir(), "no-such-console"))).toBe("unknown");
  });
});
