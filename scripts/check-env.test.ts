// npm start and npm run dev stop before the server listens when the environment is bad (scripts/check-env.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const TSX = path.resolve("node_modules/.bin/tsx");
const SCRIPT = path.resolve("scripts/check-env.ts");
// A project folder of its own, so the developer's .env files play no part.
const project = mkdtempSync(path.join(tmpdir(), "check-env-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function checkEnv(variables: Record<string, string>, ...args: string[]) {
  // NODE_ENV unset, as npm start leaves it for prestart (Next's types call it required).
  const env = { PATH: process.env.PATH, ...variables } as unknown as NodeJS.ProcessEnv;
  const result = spawnSync(TSX, [SCRIPT, ...args], { cwd: project, env, encoding: "utf8" });
  return { status: result.status, stderr: result.stderr };
}

const OWN_DATABASE = { DATABASE_URL: "file:/srv/console/console.db" };

describe("npm run env:check", () => {
  it("stops npm start (production) without NEXTAUTH_SECRET outside the embedded database, saying why", () => {
    const { status, stderr } = checkEnv(OWN_DATABASE);
    expect(status).toBe(1);
    expect(stderr).toContain("The console cannot start.");
    expect(stderr).toContain("NEXTAUTH_SECRET is required in production");
  });

  it("names every variable at fault in one go", () => {
    const { status, stderr } = checkEnv({ ...OWN_DATABASE, RATE_LIMIT_READS_PER_MINUTE: "many", ADMIN_EMAIL: "admin@example.com" });
    expect(status).toBe(1);
    for (const name of ["RATE_LIMIT_READS_PER_MINUTE", "ADMIN_PASSWORD", "NEXTAUTH_SECRET"]) expect(stderr).toContain(name);
  });

  it("lets npm run dev through, and npm start once .env.production.local holds the secret", () => {
    expect(checkEnv(OWN_DATABASE, "development")).toEqual({ status: 0, stderr: "" });
    writeFileSync(path.join(project, ".env.production.local"), `NEXTAUTH_SECRET=${"s".repeat(32)}\n`);
    expect(checkEnv(OWN_DATABASE)).toEqual({ status: 0, stderr: "" });
  });
});

describe("npm run console -- <command>", () => {
  it("stops on a bad environment with the message, not a stack trace", () => {
    const env = { PATH: process.env.PATH, RATE_LIMIT_READS_PER_MINUTE: "many" } as unknown as NodeJS.ProcessEnv;
    const result = spawnSync(process.execPath, [path.resolve("scripts/console.mjs"), "user", "create"], { env, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("RATE_LIMIT_READS_PER_MINUTE");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
