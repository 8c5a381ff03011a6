// Vitest setup: every test file gets its own freshly migrated database, before lib/db is imported:
// a SQLite file, or on the PostgreSQL leg a copy of the run's migrated template database.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";
import { createTestDatabase, dropTestDatabase } from "./postgres-databases";

// Blueprints created by tests are written here, never into the project's blueprints/.
process.env.BLUEPRINTS_DIR = path.join(os.tmpdir(), `cluster-console-blueprints-${randomUUID()}`);

const postgresTemplate = inject("postgresTemplate");
if (postgresTemplate) {
  const databaseUrl = await createTestDatabase("t", { template: postgresTemplate });
  process.env.DATABASE_URL = databaseUrl;
  afterAll(async () => {
    const { db } = await import("@/lib/db");
    const { stopInstanceSignals } = await import("@/lib/db/instance-signals");
    const { closeAdvisoryLocks } = await import("@/lib/db/advisory-lock");
    await Promise.all([db.$disconnect(), stopInstanceSignals(), closeAdvisoryLocks()]);
    await dropTestDatabase(databaseUrl);
    rmSync(process.env.BLUEPRINTS_DIR!, { recursive: true, force: true });
  });
} else {
  const databaseFile = path.join(os.tmpdir(), `cluster-console-test-${randomUUID()}.db`);
  process.env.DATABASE_URL = `file:${databaseFile}`;
  const engine = await openSchemaEngine({ databaseFile });
  try {
    await engine.applyMigrations();
  } finally {
    await engine.close();
  }
  afterAll(() => {
    rmSync(databaseFile, { force: true });
    rmSync(process.env.BLUEPRINTS_DIR!, { recursive: true, force: true });
  });
}
