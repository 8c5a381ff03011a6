// `npm run db:migrate` on a database the server has open in WAL mode: with nothing to apply it
// answers "up to date" without the engine's exclusive lock, which WAL refuses to other connections.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PROJECT_ROOT } from "./schema-engine.mjs";

const run = promisify(execFile);
let scratchDir: string;

beforeAll(async () => {
  scratchDir = await mkdtemp(path.join(os.tmpdir(), "migrate-test-"));
});

afterAll(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

const migrate = (databaseFile: string) =>
  run(process.execPath, ["scripts/db/migrate.mjs"], { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: `file:${databaseFile}` } });

describe("db:migrate", () => {
  it("answers up to date while another connection holds the database in WAL mode", { timeout: 60_000 }, async () => {
    const file = path.join(scratchDir, "wal.db");
    expect((await migrate(file)).stdout).toMatch(/applied \d+ migrations? to /);
    const server = new Database(file);
    try {
      expect(server.pragma("journal_mode = WAL", { simple: true })).toBe("wal");
      server.prepare("SELECT count(*) FROM users").get();
      expect((await migrate(file)).stdout).toMatch(/wal\.db is up to date \(\d+ migrations?\)/);
    } finally {
      server.close();
    }
  });
});
