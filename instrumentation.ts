// Runs once when the server starts: check the environment and the session key, create the first
// admin if the environment names one, let the runtime catch up with the database before
// requests arrive, and start the autoscaler loop.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Imported first and outside the try: a bad environment stops the server with its message.
  const { env } = await import("@/lib/env");
  const { logger } = await import("@/lib/logger");
  const { reconcileClusters } = await import("@/lib/cluster/reconcile-clusters");
  const { getAgentRuntime } = await import("@/lib/runtime/runtime");
  const { createAdminFromEnvironment } = await import("@/lib/auth/create-admin-from-environment");
  const { needsSetup } = await import("@/lib/auth/needs-setup");
  const { authSecret } = await import("@/lib/auth/auth-secret");
  // Without NEXTAUTH_SECRET the embedded set-up generates its key now rather than at the first sign-in.
  authSecret();
  try {
    const admin = await createAdminFromEnvironment({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (admin) logger.info({ email: admin.email }, "created the first admin from ADMIN_EMAIL");
    else if (await needsSetup()) logger.warn("no user exists yet: open the console in a browser to create the first admin");
    logger.info(await reconcileClusters(getAgentRuntime()), "runtime reconciled with the database");
    if (env.AUTOSCALER_ENABLED) {
      const { startAutoscalerLoop } = await import("@/lib/autoscaler/autoscaler-loop");
      const loop = startAutoscalerLoop({ runtime: getAgentRuntime(), tickMs: env.AUTOSCALER_TICK_MS });
      logger.info({ holder: loop.holder, tickMs: env.AUTOSCALER_TICK_MS }, "autoscaler loop started");
    }
  } catch (error) {
    // Serving on is better than not starting: each request then answers its own problem+json.
    logger.error({ err: error }, "start-up tasks failed; is the database migrated? (npm run db:migrate)");
  }
}
