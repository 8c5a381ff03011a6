// The PostgreSQL side of `db copy`, before any row moves: the URL, the connection, and what the target
// already holds. It must be a database with no tables, or a console's without rows; it is migrated with the
// project's own migrations, and inside the copy's transaction it is claimed, so a second copy into it
// (at the same time or later) is refused.
import pg from "pg";

import { openSchemaEngine } from "../../scripts/db/schema-engine.mjs";
import { COPIED_TABLES } from "./copy-plan";
import { CopyRefusedError } from "./copy-report";
import { countTargetRows } from "./copy-target-rows";
import { describeDatabaseUrl } from "./database-url.mjs";

const CONNECT_TIMEOUT_MS = 10_000;
/** No statement of the copy takes long (a slice of rows); one that does is stuck. */
const STATEMENT_TIMEOUT_MS = 10 * 60_000;
const MIGRATIONS_TABLE = "_prisma_migrations";
/** The advisory lock a copy holds on its target for its whole transaction (any constant: "copy" in ASCII). */
const COPY_LOCK_KEY = 0x636f7079;

/** The target URL's own faults, in words that name the fix; the password never appears. */
export function checkTargetUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    const scheme = url.includes(":") ? `${url.split(":")[0]}:...` : url;
    throw new CopyRefusedError(`--to must be a PostgreSQL URL such as postgresql://user@host:5432/console, got "${scheme}"`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CopyRefusedError(
      "--to is not a valid URL: postgresql://user:password@host:5432/database (percent-encode special characters)",
    );
  }
  if (parsed.pathname.replace(/^\//, "") === "") {
    throw new CopyRefusedError(`--to must name a database: ${describeDatabaseUrl(url)}<database>`);
  }
}

/** A connection to the target, or a refusal that says plainly why not: unreachable, no such database, credentials. */
export async function connectTarget(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: "cluster-console db copy",
  });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw new CopyRefusedError(connectionProblem(error, url), { cause: error });
  }
}

function connectionProblem(error: unknown, url: string): string {
  const where = describeDatabaseUrl(url);
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (code === "3D000") return `database "${database}" does not exist at ${where}; create it first: CREATE DATABASE "${database}"`;
  if (code === "28P01" || code === "28000") return `PostgreSQL at ${where} refused the credentials: ${message}`;
  return `cannot reach PostgreSQL at ${where}: ${message || String(code ?? "no answer")}`;
}

/**
 * Refuses a database that holds tables but no migration history of ours: something else lives there,
 * and the copy never writes beside it. A console's database (one `db:migrate` or an earlier copy
 * made) passes here; whether it holds rows is asked inside the copy's transaction.
 */
export async function assertNewOrConsoleDatabase(client: pg.Client, url: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
  );
  const names = rows.map((row) => row.name);
  if (names.length > 0 && !names.includes(MIGRATIONS_TABLE)) {
    throw new CopyRefusedError(
      `${describeDatabaseUrl(url)} holds tables that are not the console's (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}); ` +
        "copy into a new, empty database (CREATE DATABASE ...)",
    );
  }
}

/** Applies the PostgreSQL migrations the target lacks (all of them for a new database); returns their names. */
export async function migrateTarget(url: string): Promise<string[]> {
  const engine = await openSchemaEngine({ databaseUrl: url });
  try {
    return (await engine.applyMigrations()).appliedMigrationNames;
  } catch (error) {
    throw new CopyRefusedError(`could not migrate ${describeDatabaseUrl(url)}: ${(error as Error).message}`, { cause: error });
  } finally {
    await engine.close();
  }
}

/**
 * Inside the copy's transaction: refuses a copy running into the same database at the same time,
 * and a target with rows in any table the copy fills (an earlier copy, or a console started on it).
 */
export async function claimEmptyTarget(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [COPY_LOCK_KEY]);
  if (!rows[0]?.locked) throw new CopyRefusedError("another copy into this database is running");
  const filled: string[] = [];
  for (const { table } of COPIED_TABLES) {
    const count = await countTargetRows(client, table);
    if (count > 0) filled.push(`${table}: ${count}`);
  }
  if (filled.length > 0) {
    throw new CopyRefusedError(
      `the target already holds data (${filled.join(", ")}); db copy only fills an empty database: ` +
        "drop and re-create it, or name another one",
    );
  }
}
