// What the Node.js server does once as it starts (called from instrumentation.ts): put each
// socket's address on its request, check the environment and the session key, say where to open
// the console and how to sign in, create the first admin if the environment names one, start the
// task dispatcher, let the runtime catch up with the database before requests arrive, and start
// the autoscaler loop. On PostgreSQL, where other instances may share the database, it first
// registers this instance (its heartbeat), then keeps its agents following their rows and takes
// over what a dead instance leaves behind. Modules that read the environment are imported after it
// is checked, so a bad one stops the server with its message rather than a stack.
import type { Env } from "@/lib/env";
import { recordPeerAddresses } from "@/lib/peer-address";
import type { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import type { SignInState } from "./start-message";

export async function startServer(): Promise<void> {
  // Before the first request: the client's address (lib/client-ip.ts) rests on it.
  recordPeerAddresses();
  const env = await loadEnvOrExit();
  const { logger } = await import("@/lib/logger");
  const { consoleAddress, describeAddress, describeSignIn } = await import("./start-message");
  const { reconcileClusters } = await import("@/lib/cluster/reconcile-clusters");
  const { getAgentRuntime, getTaskDispatcher } = await import("@/lib/runtime/runtime");
  const { authSecret } = await import("@/lib/auth/auth-secret");
  // Without NEXTAUTH_SECRET the embedded set-up generates its key now rather than at the first sign-in.
  authSecret();
  // Budgets count in the shared store (Redis or PostgreSQL) from the first request: connect now.
  (await import("@/lib/rate-limit-store")).limiterStore();
  // Next.js has bound its address by now and keeps it in __NEXT_PRIVATE_ORIGIN (-p, PORT and -H honoured).
  const address = consoleAddress({ publicUrl: env.NEXTAUTH_URL, origin: process.env.__NEXT_PRIVATE_ORIGIN, port: process.env.PORT });
  logger.info(describeAddress(address));
  try {
    const { db, tuneSqlite } = await import("@/lib/db");
    await tuneSqlite(db);
    logger.info(describeSignIn(address, await prepareSignIn(env)));
    // Agents the reconcile pass starts take tasks at once; tasks a crashed process was running come back as their leases expire.
    getTaskDispatcher().start();
    // On PostgreSQL the other instances' task news (claimable, finished, cancel) reach this one too.
    (await import("@/lib/tasks/instance-task-signals")).relayInstanceTaskSignals();
    const runtime = getAgentRuntime();
    await startSharing(runtime);
    logger.info(await reconcileClusters(runtime), "runtime reconciled with the database");
    if (env.AUTOSCALER_ENABLED) {
      const { startAutoscalerLoop } = await import("@/lib/autoscaler/autoscaler-loop");
      const loop = startAutoscalerLoop({ runtime, tickMs: env.AUTOSCALER_TICK_MS, leaseMs: env.AUTOSCALER_LEASE_MS });
      logger.info({ holder: loop.holder, tickMs: env.AUTOSCALER_TICK_MS }, "autoscaler loop started");
    }
  } catch (error) {
    // Serving on is better than not starting: each request then answers its own problem+json.
    logger.error({ err: error }, "start-up tasks failed; is the database migrated? (npm run db:migrate)");
  }
}

/**
 * The instance's part in sharing a PostgreSQL database with others (nothing on SQLite): its
 * heartbeat, written before it owns any agent; its agents following their rows; and the recovery
 * loop that takes over the agents and steps of instances that died.
 */
async function startSharing(runtime: LocalAgentRuntime): Promise<void> {
  const { isPostgres } = await import("@/lib/db/dialect");
  if (!isPostgres) return;
  const { startInstanceHeartbeat } = await import("@/lib/runtime/console-instances");
  const { followAgentRows } = await import("@/lib/runtime/follow-agent-rows");
  const { startRecoveryLoop } = await import("@/lib/cluster/recovery-loop");
  await startInstanceHeartbeat(runtime.instanceId);
  followAgentRows(runtime);
  startRecoveryLoop(runtime);
}

/** Creates the first admin when the environment names one, then tells who can sign in. */
async function prepareSignIn(env: Env): Promise<SignInState> {
  const { createAdminFromEnvironment } = await import("@/lib/auth/create-admin-from-environment");
  const { needsSetup } = await import("@/lib/auth/needs-setup");
  const admin = await createAdminFromEnvironment({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  if (admin) return { kind: "admin-created", email: admin.email };
  if (await needsSetup()) return { kind: "needs-setup" };
  return { kind: "has-users", adminEmailSet: env.ADMIN_EMAIL !== undefined };
}

/**
 * The second guard behind npm run env:check: a server started without it (next start directly)
 * still stops on a bad environment instead of answering every request with 500.
 */
async function loadEnvOrExit(): Promise<Env> {
  try {
    return (await import("@/lib/env")).env;
  } catch (error) {
    console.error(`The console cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
}
