// The environment every e2e console server shares. Budgets are high enough that the suite never
// meets them; a spec that tests one sets its own. On PostgreSQL the budgets count in the database,
// so every server on one database must use the same ones, as a console's instances do: a server
// with a smaller anonymous budget would find it spent by the others' calls.
export const E2E_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";

export const HIGH_BUDGETS = {
  RATE_LIMIT_READS_PER_MINUTE: "100000",
  RATE_LIMIT_MUTATIONS_PER_MINUTE: "100000",
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000",
  RATE_LIMIT_INGEST_PER_MINUTE: "100000",
};
