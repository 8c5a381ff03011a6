// The one place that knows which database the process talks to. Raw SQL that differs between
// SQLite and PostgreSQL asks here; everything else is written once for both.
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { type DatabaseProvider, providerOfUrl } from "./database-url.mjs";

export type { DatabaseProvider };

export const databaseProvider: DatabaseProvider = providerOfUrl(env.DATABASE_URL);

/** True on PostgreSQL: several console instances may share the database. */
export const isPostgres = databaseProvider === "postgresql";

/**
 * A filter for "the column contains `text`, ignoring case", as the catalogue and cluster searches
 * mean it: SQLite's LIKE ignores the case of ASCII letters by itself, PostgreSQL's needs asking.
 */
export function containsText(text: string): { contains: string } {
  // `mode` exists only in the PostgreSQL client's types; the SQLite client types the callers.
  return isPostgres ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}

export type SqlColumnType = "text" | "integer" | "double" | "timestamp";

const POSTGRES_TYPES: Record<SqlColumnType, string> = {
  text: "text",
  integer: "integer",
  double: "double precision",
  timestamp: "timestamp(3)",
};

/**
 * A parameter with its type spelled out for PostgreSQL, where nothing around it says what it is
 * (a `VALUES` list read through `SELECT`, which PostgreSQL would take as text). SQLite stores what
 * it is given, so there it stays a bare parameter.
 */
export function typedParameter(value: unknown, type: SqlColumnType): Prisma.Sql {
  return isPostgres ? Prisma.sql`CAST(${value} AS ${Prisma.raw(POSTGRES_TYPES[type])})` : Prisma.sql`${value}`;
}
