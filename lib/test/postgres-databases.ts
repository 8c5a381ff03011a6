// Throwaway PostgreSQL databases for tests: one per test file, e2e run or benchmark, made over the
// server's `postgres` database and dropped after. TEST_DATABASE_URL names the server (any database
// on it); the default is the machines' local PostgreSQL.
import { randomUUID } from "node:crypto";
import pg from "pg";

export const DEFAULT_TEST_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The URL of `database` on the test server. */
export function testDatabaseUrl(database: string, serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_SERVER_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl("postgres", serverUrl), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL server answers at the test server URL within two seconds. */
export async function isPostgresReachable(serverUrl?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl("postgres", serverUrl), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new empty database (or a copy of `template`, which nobody may be connected to); returns its URL. */
export async function createTestDatabase(prefix = "t", options: { template?: string; serverUrl?: string } = {}): Promise<string> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(options.serverUrl, (client) =>
    client.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : ""}`),
  );
  return testDatabaseUrl(name, options.serverUrl);
}

/** Drops the database at `url`, closing whatever is still connected to it. */
export async function dropTestDatabase(url: string, serverUrl?: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}
