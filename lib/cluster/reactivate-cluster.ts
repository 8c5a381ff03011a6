// reactivateCluster: specialists wake, workers come back to min_workers (or the asked target).
import { db } from "@/lib/db";
import type { ClusterActionOptions } from "./action-options";
import { applyWorkerChange } from "./apply-worker-change";
import { assertRevision, assertTargetWithinBounds } from "./cluster-assertions";
import { withClusterLock } from "./cluster-lock";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { loadClusterBlueprint } from "./load-cluster-blueprint";
import { settleCluster } from "./settle-cluster";
import { wakeAgents } from "./start-agents";
import { assertActionAllowed } from "./state-machine";
import { planWorkerChange } from "./worker-pool";

export function reactivateCluster(id: string, targetWorkers: number | undefined, options: ClusterActionOptions) {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status, "reactivate");
    assertRevision(cluster, options.ifMatch);
    const target = targetWorkers ?? cluster.minWorkers;
    assertTargetWithinBounds(cluster, target);
    const blueprint = await loadClusterBlueprint(cluster);
    const specialists = await db.agent.findMany({ where: { clusterId: id, role: "specialist", status: "hibernated" } });
    await db.agent.updateMany({
      where: { id: { in: specialists.map((agent) => agent.id) } },
      data: { status: "starting", runtimeOwner: options.runtime.instanceId },
    });
    const specialistsFailed = await wakeAgents(options.runtime, specialists);

    const agents = await db.agent.findMany({
      where: { clusterId: id },
      select: { id: true, name: true, definition: true, ordinal: true, role: true, status: true },
    });
    const outcome = await applyWorkerChange(id, planWorkerChange(blueprint, agents, target), options);
    // Workers left asleep are no longer part of the running team (those asleep in another instance stop there).
    const leftAsleep = await db.agent.findMany({ where: { clusterId: id, role: "worker", status: "hibernated" }, select: { id: true } });
    await db.agent.updateMany({ where: { id: { in: leftAsleep.map((agent) => agent.id) } }, data: { status: "inactive" } });
    await Promise.allSettled(leftAsleep.map((agent) => options.runtime.stop(agent.id)));
    return settleCluster(
      id,
      {
        started: [...specialists.map((agent) => agent.id), ...outcome.started],
        failed: [...specialistsFailed, ...outcome.failed],
        status: "active",
        event: {
          kind: "reactivated",
          reason: options.reason ?? `reactivated with ${target} workers`,
          fromStatus: cluster.status,
          fromWorkers: 0,
        },
        fields: { targetWorkers: target, startedAt: new Date() },
      },
      options,
    );
  });
}
