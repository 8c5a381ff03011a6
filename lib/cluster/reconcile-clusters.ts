// reconcileClusters: bring this runtime in line with the database and finish or roll back whatever
// a crash interrupted, knowing that other console instances may share the database (PostgreSQL).
//
// Each cluster is looked at holding its lock, taken without waiting: a cluster whose lock another
// instance holds is being worked on by a live process (a dead one's lock went with its session) and
// is left to it. Inside the lock its status is read afresh, so a step that ended meanwhile is not
// repeated: `spawning` or `deleting` then means its creator or deleter died (creation holds the lock
// from before the row exists), `scaling` that a scale step died half-way. Agents are started only
// where no live instance runs them: an agent whose runtime owner is alive is that owner's.
import { systemAudit } from "@/lib/audit/audit-context";
import { db } from "@/lib/db";
import type { Agent } from "@/lib/generated/prisma/client";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import { liveInstanceIds } from "@/lib/runtime/console-instances";
import { removeCluster } from "./change-feed";
import { ClusterBusyError, withClusterLock } from "./cluster-lock";
import { settleCluster } from "./settle-cluster";
import { startAgents, toRuntimeAgent } from "./start-agents";

export interface ReconcileReport {
  rolledBack: string[];
  finished: string[];
  agentsStarted: number;
  /** Clusters another action held (on a live instance, or in this process): left to it. */
  busy: string[];
}

/** The agent statuses that say the agent runs somewhere (or sleeps there). */
export const RUNNING_AGENT_STATUSES = ["active", "starting", "hibernated"] as const;

export interface ReconcileOptions {
  /** Only these clusters (the recovery loop's finds); default every cluster (the server's start). */
  clusterIds?: readonly string[];
}

export async function reconcileClusters(runtime: AgentRuntime, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = { rolledBack: [], finished: [], agentsStarted: 0, busy: [] };
  const clusterIds = options.clusterIds ?? (await db.cluster.findMany({ select: { id: true } })).map((cluster) => cluster.id);
  for (const clusterId of clusterIds) {
    try {
      await withClusterLock(clusterId, () => reconcileCluster(runtime, clusterId, report), { waitMs: 0 });
    } catch (error) {
      if (!(error instanceof ClusterBusyError)) throw error;
      report.busy.push(clusterId);
    }
  }
  return report;
}

async function reconcileCluster(runtime: AgentRuntime, clusterId: string, report: ReconcileReport): Promise<void> {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: { status: true, currentWorkers: true } });
  if (!cluster) return;
  if (cluster.status === "spawning" || cluster.status === "deleting") {
    // Creation never completed, or deletion was under way: neither may leave a cluster behind.
    // Agents running in other instances stop there once their rows are gone.
    const agents = await db.agent.findMany({ where: { clusterId }, select: { id: true } });
    await Promise.allSettled(agents.map((agent) => runtime.stop(agent.id)));
    await db.$transaction((tx) => removeCluster(tx, clusterId));
    report.rolledBack.push(clusterId);
    return;
  }
  const started = await takeOverAgents(runtime, clusterId);
  report.agentsStarted += started.started.length;
  if (cluster.status === "scaling") {
    await settleCluster(
      clusterId,
      {
        ...started,
        status: "active",
        event: {
          kind: "recovered",
          reason: "finished an interrupted scaling step after a restart",
          fromStatus: "scaling",
          fromWorkers: cluster.currentWorkers,
        },
      },
      { audit: systemAudit("reconcile") },
    );
    report.finished.push(clusterId);
  } else if (started.failed.length > 0) {
    await db.agent.updateMany({ where: { id: { in: started.failed } }, data: { status: "failed" } });
  }
}

/**
 * Agents the database says run (or were starting, or sleep) that run nowhere: not in this runtime,
 * and not owned by a live instance. This runtime records them as its own, then starts them.
 */
async function takeOverAgents(runtime: AgentRuntime, clusterId: string) {
  const agents = await db.agent.findMany({ where: { clusterId, status: { in: [...RUNNING_AGENT_STATUSES] } } });
  const ownedElsewhere = (agent: Agent) => agent.runtimeOwner !== null && agent.runtimeOwner !== runtime.instanceId;
  const live = agents.some(ownedElsewhere) ? await liveInstanceIds() : new Set<string>();
  const missing: Agent[] = [];
  for (const agent of agents) {
    const runsElsewhere = ownedElsewhere(agent) && live.has(agent.runtimeOwner!);
    if (!runsElsewhere && (await runtime.status(agent.id)) === undefined) missing.push(agent);
  }
  if (missing.length > 0) {
    await db.agent.updateMany({ where: { id: { in: missing.map((agent) => agent.id) } }, data: { runtimeOwner: runtime.instanceId } });
  }
  const running = missing.filter((agent) => agent.status !== "hibernated");
  const failed = await startAgents(runtime, running);
  for (const agent of missing.filter((candidate) => candidate.status === "hibernated")) {
    await runtime.start(toRuntimeAgent(agent)).then(
      () => runtime.hibernate(agent.id),
      () => failed.push(agent.id),
    );
  }
  return { started: running.map((agent) => agent.id), failed };
}
