// `npm run console -- db copy --to ...` as a person types it: the table of counts on stdout, progress
// and refusals on stderr, exit status 2 on a refusal.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/lib/db";
import { createTestDatabase, dropTestDatabase, isPostgresReachable } from "@/lib/test/postgres-databases";
import { fillSampleConsole } from "@/lib/test/sample-console";
import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";

const sourceFile = path.join(os.tmpdir(), `cluster-console-cli-copy-${randomUUID()}.db`);
let targetUrl: string | undefined;

function dbCopy(...args: string[]) {
  const env = { PATH: process.env.PATH, DATABASE_URL: `file:${sourceFile}` } as unknown as NodeJS.ProcessEnv;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "db", "copy", ...args], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.runIf(await isPostgresReachable())("npm run console -- db copy", () => {
  beforeAll(async () => {
    const engine = await openSchemaEngine({ databaseFile: sourceFile });
    try {
      await engine.applyMigrations();
    } finally {
      await engine.close();
    }
    const source = createPrismaClient(`file:${sourceFile}`);
    await fillSampleConsole(source, { metricPoints: 9 }).finally(() => source.$disconnect());
    targetUrl = await createTestDatabase("t_cli_copy");
  }, 60_000);
  afterAll(async () => {
    if (targetUrl) await dropTestDatabase(targetUrl);
    rmSync(sourceFile, { force: true });
  });

  it("prints the counts of every table, then refuses a second copy into the same database", () => {
    const copied = dbCopy("--to", targetUrl!);
    expect(copied.stderr).toMatch(/db copy: \d+ rows copied and counted in [\d.]+ s/);
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/^table\s+sqlite\s+postgresql\n/);
    expect(copied.stdout).toMatch(/^metric_points\s+9\s+9\s+ok$/m);
    expect(copied.stdout).toContain("not copied: autoscaler_leases");

    const again = dbCopy("--to", targetUrl!);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("db copy failed: the target already holds data (users: 2,");
  }, 120_000);

  it("asks for --to", () => {
    const missing = dbCopy();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--to is required");
  }, 60_000);
});
