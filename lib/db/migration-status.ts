// Whether the database has every migration this build ships: the committed folders of the
// provider in use (prisma/migrations for SQLite, prisma/postgresql/migrations for PostgreSQL)
// against the finished rows of Prisma's `_prisma_migrations`.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import { type DatabaseProvider, databaseProvider } from "./dialect";

/**
 * `current`: every shipped migration is applied (rows of a newer build are fine: during a rolling
 * upgrade the older instances keep serving). `pending`: one is missing or failed, or no migration
 * table can be read. `unknown`: this build's migration folders could not be read.
 */
export type MigrationStatus = "current" | "pending" | "unknown";

export function migrationsFolder(provider: DatabaseProvider, root = process.cwd()): string {
  return provider === "postgresql" ? path.join(root, "prisma", "postgresql", "migrations") : path.join(root, "prisma", "migrations");
}

const shipped = new Map<string, Promise<string[] | null>>();

/** The migration names this build ships, read once: they cannot change while the process runs. */
function shippedMigrations(folder: string): Promise<string[] | null> {
  let names = shipped.get(folder);
  if (!names) {
    names = readdir(folder, { withFileTypes: true }).then(
      (entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
      () => null,
    );
    shipped.set(folder, names);
  }
  return names;
}

/** Throws when the database does not answer; a missing `_prisma_migrations` table is `pending`. */
export async function readMigrationStatus(root = process.cwd()): Promise<MigrationStatus> {
  const names = await shippedMigrations(migrationsFolder(databaseProvider, root));
  const applied = await db.$queryRaw<Array<{ migration_name: string }>>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.then(
    (rows) => new Set(rows.map((row) => row.migration_name)),
    async (error: unknown) => {
      // The table is missing (nothing migrated yet) or the database is down: only the latter throws.
      await db.$queryRaw`SELECT 1`.catch(() => {
        throw error;
      });
      return new Set<string>();
    },
  );
  if (!names || names.length === 0) return "unknown";
  return names.every((name) => applied.has(name)) ? "current" : "pending";
}
