// A fresh, migrated SQLite file for an in-process bench, removed afterwards. The database module
// reads DATABASE_URL when it loads: a bench imports lib/db only inside `run`, and one process
// runs one such bench.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export async function withBenchDatabase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const directory = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  process.env.DATABASE_URL = `file:${path.join(directory, `${name}.db`)}`;
  process.env.BLUEPRINTS_DIR = path.join(directory, "blueprints");
  try {
    if (spawnSync("node", ["scripts/db/migrate.mjs"], { env: process.env, stdio: "ignore" }).status !== 0)
      throw new Error(`migrating the ${name} database failed`);
    return await run();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
