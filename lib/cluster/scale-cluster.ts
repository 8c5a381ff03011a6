// scaleCluster: move the workers to a target within [min_workers, max_workers].
import type { AuditContext } from "@/lib/audit/audit-context";
import { db } from "@/lib/db";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import { applyWorkerChange } from "./apply-worker-change";
import { withClusterLock } from "./cluster-lock";
import { assertRevision, assertTargetWithinBounds, findClusterOrThrow, loadClusterBlueprint, settleCluster } from "./cluster-store";
import { assertActionAllowed, type ClusterStatus } from "./state-machine";
import { planWorkerChange } from "./worker-pool";

export interface ClusterActionOptions {
  runtime: AgentRuntime;
  audit: AuditContext;
  /** The revision from `If-Match`. */
  ifMatch?: number;
  /** Why, for the activity timeline; the autoscaler gives its decision's reason. */
  reason?: string;
}

export function scaleCluster(id: string, targetWorkers: number, options: ClusterActionOptions) {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status as ClusterStatus, "scale");
    assertRevision(cluster, options.ifMatch);
    assertTargetWithinBounds(cluster, targetWorkers);
    if (targetWorkers === cluster.currentWorkers && targetWorkers === cluster.targetWorkers) return cluster;

    const blueprint = await loadClusterBlueprint(cluster);
    const agents = await db.agent.findMany({
      where: { clusterId: id },
      select: { id: true, name: true, definition: true, ordinal: true, role: true, status: true },
    });
    const change = planWorkerChange(blueprint, agents, targetWorkers);
    const outcome = await applyWorkerChange(cluster, change, options.runtime, "scaling");
    return settleCluster(
      id,
      {
        ...outcome,
        status: "active",
        event: {
          kind: "scaled",
          reason: options.reason ?? `scaled to ${targetWorkers} workers`,
          fromStatus: cluster.status,
          fromWorkers: cluster.currentWorkers,
        },
        audit: options.audit,
      },
      { targetWorkers },
    );
  });
}
