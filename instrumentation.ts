// Runs once when the server starts: the runtime catches up with the database before requests arrive.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reconcileClusters } = await import("@/lib/cluster/reconcile-clusters");
  const { getAgentRuntime } = await import("@/lib/runtime/runtime");
  const { logger } = await import("@/lib/logger");
  try {
    logger.info(await reconcileClusters(getAgentRuntime()), "runtime reconciled with the database");
  } catch (error) {
    // Serving on is better than not starting: each request then answers its own problem+json.
    logger.error({ err: error }, "could not reconcile the runtime with the database; is it migrated? (npm run db:migrate)");
  }
}
