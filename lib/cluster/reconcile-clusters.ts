// reconcileClusters: on server start, bring the runtime in line with the database and finish or
// roll back whatever a crash interrupted.
import { systemAudit } from "@/lib/audit/audit-context";
import { db } from "@/lib/db";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import { removeCluster } from "./change-feed";
import { withClusterLock } from "./cluster-lock";
import { settleCluster } from "./settle-cluster";
import { startAgents, toRuntimeAgent } from "./start-agents";

export interface ReconcileReport {
  rolledBack: string[];
  finished: string[];
  agentsStarted: number;
}

export async function reconcileClusters(runtime: AgentRuntime): Promise<ReconcileReport> {
  const report: ReconcileReport = { rolledBack: [], finished: [], agentsStarted: 0 };
  const clusters = await db.cluster.findMany({ select: { id: true, status: true, currentWorkers: true } });
  for (const cluster of clusters) {
    await withClusterLock(cluster.id, async () => {
      if (cluster.status === "spawning" || cluster.status === "deleting") {
        // Creation never completed, or deletion was under way: neither may leave a cluster behind.
        const agents = await db.agent.findMany({ where: { clusterId: cluster.id }, select: { id: true } });
        await Promise.allSettled(agents.map((agent) => runtime.stop(agent.id)));
        await db.$transaction((tx) => removeCluster(tx, cluster.id));
        report.rolledBack.push(cluster.id);
        return;
      }
      const started = await restartMissingAgents(runtime, cluster.id);
      report.agentsStarted += started.started.length;
      if (cluster.status === "scaling") {
        await settleCluster(
          cluster.id,
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
        report.finished.push(cluster.id);
      } else if (started.failed.length > 0) {
        await db.agent.updateMany({ where: { id: { in: started.failed } }, data: { status: "failed" } });
      }
    });
  }
  return report;
}

/** Agents the database says run (or were starting, or sleep) but the runtime does not know. */
async function restartMissingAgents(runtime: AgentRuntime, clusterId: string) {
  const agents = await db.agent.findMany({ where: { clusterId, status: { in: ["active", "starting", "hibernated"] } } });
  const missing = [];
  for (const agent of agents) if ((await runtime.status(agent.id)) === undefined) missing.push(agent);
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
