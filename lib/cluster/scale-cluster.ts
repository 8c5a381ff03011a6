// scaleCluster: move the workers to a target within [min_workers, max_workers].
import { db } from "@/lib/db";
import type { ClusterActionOptions } from "./action-options";
import { applyWorkerChange } from "./apply-worker-change";
import { assertRevision, assertTargetWithinBounds } from "./cluster-assertions";
import { withClusterLock } from "./cluster-lock";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { loadClusterBlueprint } from "./load-cluster-blueprint";
import { settleCluster } from "./settle-cluster";
import { assertActionAllowed } from "./state-machine";
import { planWorkerChange } from "./worker-pool";

export function scaleCluster(id: string, targetWorkers: number, options: ClusterActionOptions) {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status, "scale");
    assertRevision(cluster, options.ifMatch);
    assertTargetWithinBounds(cluster, targetWorkers);
    if (targetWorkers === cluster.currentWorkers && targetWorkers === cluster.targetWorkers) return cluster;

    const blueprint = await loadClusterBlueprint(cluster);
    const agents = await db.agent.findMany({
      where: { clusterId: id },
      select: { id: true, name: true, definition: true, ordinal: true, role: true, status: true },
    });
    const change = planWorkerChange(blueprint, agents, targetWorkers);
    const outcome = await applyWorkerChange(id, change, options);
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
        fields: { targetWorkers },
      },
      options,
    );
  });
}
