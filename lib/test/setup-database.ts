// Vitest setup: every test file gets its own freshly migrated SQLite file, before lib/db is imported.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";

const databaseFile = path.join(os.tmpdir(), `cluster-console-test-${randomUUID()}.db`);
process.env.DATABASE_URL = `file:${databaseFile}`;
// Blueprints created by tests are written here, never into the project's blueprints/.
process.env.BLUEPRINTS_DIR = path.join(os.tmpdir(), `cluster-console-blueprints-${randomUUID()}`);

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
