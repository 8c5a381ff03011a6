#!/usr/bin/env node
// `node scripts/test/fresh-database.mjs`: empties the database at DATABASE_URL before a test server
// starts on it: a SQLite file (and its WAL files) is removed, a PostgreSQL database dropped and made
// again. Only for test databases: the e2e suite and the benchmarks call it.
import { rmSync } from "node:fs";

import pg from "pg";

import { providerOfUrl } from "../../lib/db/database-url.mjs";
import { sqliteFileFromUrl } from "../../lib/db/sqlite-file.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("fresh-database: DATABASE_URL is not set");
  process.exit(2);
}
if (providerOfUrl(url) === "sqlite") {
  const file = sqliteFileFromUrl(url, process.cwd());
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
} else {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
