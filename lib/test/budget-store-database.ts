// Throwaway PostgreSQL databases for the budget store's tests: migrated as a console's (so the
// rate_limits table is the one the migrations make), or empty, to show a missing table.
import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";
import { createTestDatabase, dropTestDatabase } from "./postgres-databases";

/** A new database, migrated unless told otherwise; its URL and the function that drops it. */
export async function createBudgetStoreDatabase(options: { withTable: boolean } = { withTable: true }) {
  const url = await createTestDatabase("t_budget");
  if (options.withTable) {
    const engine = await openSchemaEngine({ databaseUrl: url });
    try {
      await engine.applyMigrations();
    } finally {
      await engine.close();
    }
  }
  return { url, drop: () => dropTestDatabase(url) };
}
