// With several console instances on one PostgreSQL database, one may die while the others run on:
// its agents then run nowhere, and a step it had under way stays `spawning`, `scaling` or
// `deleting`. Every instance looks for such clusters every few seconds and reconciles them
// (reconcileClusters: each under its lock, taken without waiting, so a step a live instance is
// still carrying out is left to it). The first instance to get a cluster's lock takes its agents
// over. On SQLite one process owns the database, and its start-up reconcile pass is all it needs.
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import { logger } from "@/lib/logger";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import { INSTANCE_HEARTBEAT_MS, liveInstanceIds } from "@/lib/runtime/console-instances";
import { reconcileClusters, RUNNING_AGENT_STATUSES } from "./reconcile-clusters";

/** The statuses of a step under way; a cluster left in one with its lock free was abandoned. */
const STEP_STATUSES = ["spawning", "scaling", "deleting"];

export function startRecoveryLoop(runtime: AgentRuntime, everyMs = INSTANCE_HEARTBEAT_MS): void {
  if (!isPostgres) return;
  let passing = false;
  const timer = setInterval(() => {
    // A slow pass (many clusters to take over) is not overlapped by the next.
    if (passing) return;
    passing = true;
    recoverAbandonedClusters(runtime)
      .catch((error: unknown) => logger.warn({ err: error }, "the recovery pass failed; trying again"))
      .finally(() => (passing = false));
  }, everyMs);
  timer.unref();
}

/** Reconciles the clusters with agents no live instance runs, or left in the middle of a step. */
export async function recoverAbandonedClusters(runtime: AgentRuntime): Promise<void> {
  const clusterIds = await abandonedClusterIds(runtime);
  if (clusterIds.length === 0) return;
  const report = await reconcileClusters(runtime, { clusterIds });
  if (report.rolledBack.length + report.finished.length + report.agentsStarted > 0) {
    logger.info({ ...report, busy: report.busy.length }, "took over what another console instance left behind");
  }
}

async function abandonedClusterIds(runtime: AgentRuntime): Promise<string[]> {
  const owners = [...(await liveInstanceIds()), runtime.instanceId];
  const [orphaned, stepping] = await Promise.all([
    db.agent.findMany({
      where: { status: { in: [...RUNNING_AGENT_STATUSES] }, OR: [{ runtimeOwner: null }, { runtimeOwner: { notIn: owners } }] },
      distinct: ["clusterId"],
      select: { clusterId: true },
    }),
    db.cluster.findMany({ where: { status: { in: STEP_STATUSES } }, select: { id: true } }),
  ]);
  return [...new Set([...orphaned.map((agent) => agent.clusterId), ...stepping.map((cluster) => cluster.id)])];
}
