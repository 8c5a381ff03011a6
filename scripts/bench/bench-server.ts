// The production server on a fresh database for the benchmarks: built if needed, migrated, with
// an admin (email and password returned) and that admin's API token. The database is a new SQLite
// file, or the (empty) one `databaseUrl` names, which the caller made and drops.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface BenchServer {
  base: string;
  directory: string;
  admin: { email: string; password: string };
  authorization: string;
  /** The server's process (next start serves from it), for CPU figures. */
  pid: number;
  /** Stops the server; resolves once it has exited, so that its database may be dropped. */
  stop(): Promise<void>;
}

export async function startBenchServer(port: number, options: { databaseUrl?: string } = {}): Promise<BenchServer> {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("no production build yet: running next build");
    if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  const directory = mkdtempSync(path.join(tmpdir(), "bench-"));
  const base = `http://127.0.0.1:${port}`;
  const admin = { email: "bench@example.com", password: randomUUID() };
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl ?? `file:${path.join(directory, "bench.db")}`,
    BLUEPRINTS_DIR: path.join(directory, "blueprints"),
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomUUID() + randomUUID(),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    // The load generator is one caller; its budget must not be what is measured.
    RATE_LIMIT_READS_PER_MINUTE: "100000000",
    RATE_LIMIT_MUTATIONS_PER_MINUTE: "100000000",
    RATE_LIMIT_INGEST_PER_MINUTE: "100000000",
  };
  const migrated = spawnSync("node", ["scripts/db/migrate.mjs"], { env, stdio: "inherit" });
  if (migrated.status !== 0) throw new Error("migrating the bench database failed");
  // The next binary itself, not npx, so that killing this child stops the server.
  const server: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    server.kill();
    rmSync(directory, { recursive: true, force: true });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await fetch(`${base}/api/setup`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) {
      const token = spawnSync("npm", ["run", "--silent", "console", "--", "token", "create", "--email", admin.email, "--name", "bench"], {
        env,
        encoding: "utf8",
      });
      if (token.status !== 0) {
        await stop();
        throw new Error(`creating the bench token failed: ${token.stderr}`);
      }
      return { base, directory, admin, authorization: `Bearer ${token.stdout.trim()}`, pid: server.pid!, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error("the server did not start within 20 s");
}
