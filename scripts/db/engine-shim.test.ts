// The Prisma CLI, pointed at scripts/db/engine-shim.mjs, migrates and reports offline.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PROJECT_ROOT } from "./schema-engine.mjs";

const run = promisify(execFile);
let scratchDir: string;

beforeAll(async () => {
  scratchDir = await mkdtemp(path.join(os.tmpdir(), "engine-shim-test-"));
});

afterAll(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

async function prisma(args: string[], databaseFile: string): Promise<string> {
  const cli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
  const { stdout } = await run(process.execPath, [cli, ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      PRISMA_SCHEMA_ENGINE_BINARY: "scripts/db/engine-shim.mjs",
      CHECKPOINT_DISABLE: "1", // no update check over the network
    },
  });
  return stdout;
}

describe("engine-shim (PRISMA_SCHEMA_ENGINE_BINARY)", () => {
  it("runs `prisma migrate deploy` and `prisma migrate status`", { timeout: 60_000 }, async () => {
    const file = path.join(scratchDir, "cli.db");
    expect(await prisma(["migrate", "deploy"], file)).toContain("All migrations have been successfully applied.");
    expect(await prisma(["migrate", "deploy"], file)).toContain("No pending migrations to apply.");
    expect(await prisma(["migrate", "status"], file)).toContain("Database schema is up to date!");
    expect(await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma"], file)).toContain(
      "No difference detected.",
    );
  });
});
