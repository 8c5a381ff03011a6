// The databases of the e2e servers: SQLite files by default; the PostgreSQL leg of `npm test` names
// PostgreSQL databases instead (E2E_DATABASE_URL, E2E_FIRST_RUN_DATABASE_URL).
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./data/e2e.db";
export const E2E_FIRST_RUN_DATABASE_URL = process.env.E2E_FIRST_RUN_DATABASE_URL || "file:./data/e2e-first-run.db";
export const isPostgresLeg = E2E_DATABASE_URL.startsWith("postgres");
