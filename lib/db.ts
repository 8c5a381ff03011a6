// The Prisma client for the whole server (route handlers, server components, scripts, tests).
//
// Prisma 7 runs queries through a driver adapter: better-sqlite3 for a `file:` DATABASE_URL, pg
// for a `postgresql://` one, chosen at start (no rebuild). Each provider has its own generated
// client from the one schema (prisma/schema.prisma, copied for PostgreSQL by
// scripts/db/postgres-schema.mjs); their model APIs are the same, so the code is typed by the
// SQLite one. The schema itself is managed by the committed migrations (npm run db:migrate);
// this module never creates tables.
//
// No `import "server-only"`: vitest and tsx scripts import this module too.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { trackCommits } from "./db/after-commit";
import { providerOfUrl } from "./db/database-url.mjs";
import { sqliteFileFromUrl } from "./db/sqlite-file.mjs";
import { env, type Env } from "./env";
import { logger } from "./logger";
import { type Prisma, PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-pg/client";

/** Connections per process to PostgreSQL; the pg driver's default (10) queues a busy console's requests. */
const POSTGRES_POOL_SIZE = 20;

// Tests assert on thrown errors; logging them as well would only add noise.
const LOG_LEVELS: Record<Env["NODE_ENV"], Prisma.LogLevel[]> = {
  development: ["warn", "error"],
  test: [],
  production: ["error"],
};

/** A new client on the given database (default: DATABASE_URL). Prefer the shared `db`. */
export function createPrismaClient(databaseUrl: string = env.DATABASE_URL): PrismaClient {
  const log = LOG_LEVELS[env.NODE_ENV];
  if (providerOfUrl(databaseUrl) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: POSTGRES_POOL_SIZE, application_name: "cluster-console" });
    // The same models generated for the other provider: the API the code calls is identical.
    return trackCommits(new PostgresPrismaClient({ adapter, log }) as unknown as PrismaClient);
  }
  const adapter = new PrismaBetterSqlite3({ url: sqliteFileFromUrl(databaseUrl, process.cwd()) });
  return trackCommits(new PrismaClient({ adapter, log }));
}

/**
 * Write-ahead logging lets readers (an agent host, the CLI) read while the server writes, and with
 * `synchronous = NORMAL` a commit no longer waits for the disk: the task queue commits hundreds of
 * times a second. A crash of the process loses nothing; a power cut may lose the last commits.
 * The client holds one connection, so the settings apply to all its queries; SQLite refuses them
 * inside a transaction, so the server awaits this before anything else touches the database.
 */
export async function tuneSqlite(client: PrismaClient): Promise<void> {
  if (providerOfUrl(env.DATABASE_URL) !== "sqlite") return;
  try {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  } catch (error) {
    logger.warn({ err: error }, "SQLite keeps its default journal and sync settings; commits will be slower");
  }
}

// One client per process, kept on globalThis: the instrumentation bundle (the autoscaler loop) and
// the route bundles each evaluate this module, and two SQLite connections in one thread deadlock
// when one writes while the other holds a transaction open (better-sqlite3 waits synchronously,
// so the holder never gets to commit). It also stops Next.js dev reloads from opening more.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient());
