// Throwaway PostgreSQL databases for the budget store's tests on the machine's server
// (127.0.0.1:5432, user postgres; TEST_DATABASE_URL names another), dropped afterwards with
// whatever is still connected.
import { randomUUID } from "node:crypto";
import pg from "pg";

const SERVER_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** What the PostgreSQL migrations create for lib/rate-limit-store.ts. */
const CREATE_RATE_LIMITS = `
  CREATE TABLE "rate_limits" ("key" TEXT NOT NULL, "points" INTEGER NOT NULL DEFAULT 0, "expire" BIGINT, CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key"));
  CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");`;

function urlOf(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function run(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new database, with the budget store's table unless told otherwise; its URL and the function that drops it. */
export async function createBudgetStoreDatabase(options: { withTable: boolean } = { withTable: true }) {
  const name = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await run(urlOf("postgres"), `CREATE DATABASE ${name}`);
  const url = urlOf(name);
  if (options.withTable) await run(url, CREATE_RATE_LIMITS);
  return { url, drop: () => run(urlOf("postgres"), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
