// The one place that knows which database the process talks to. Raw SQL that differs between
// SQLite and PostgreSQL asks here; everything else is written once for both.
import { env } from "../env";
import { type DatabaseProvider, providerOfUrl } from "./database-url.mjs";

export type { DatabaseProvider };

export const databaseProvider: DatabaseProvider = providerOfUrl(env.DATABASE_URL);

/** True on PostgreSQL: several console instances may share the database. */
export const isPostgres = databaseProvider === "postgresql";
