// scaleCluster: move the workers to a target within [min_workers, max_workers], and optionally
// pause the cluster's autoscaler in the same step so it does not undo a person's choice.
import { db } from "@/lib/db";
import type { ClusterActionOptions } from "./action-options";
import type { ScaleAutoscalerChoice } from "./api-schema";
import { applyWorkerChange } from "./apply-worker-change";
import { assertRevision, assertTargetWithinBounds } from "./cluster-assertions";
import { withClusterLock } from "./cluster-lock";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { loadClusterBlueprint } from "./load-cluster-blueprint";
import { settleCluster } from "./settle-cluster";
import { assertActionAllowed } from "./state-machine";
import { agentTaskActivity } from "./task-activity";
import { planWorkerChange } from "./worker-pool";

export interface ScaleClusterOptions extends ClusterActionOptions {
  /** "pause": pause the autoscaler (all directions) with the scale; "keep" (default): leave it as it is. */
  autoscaler?: ScaleAutoscalerChoice;
}

export function scaleCluster(id: string, targetWorkers: number, options: ScaleClusterOptions) {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status, "scale");
    assertRevision(cluster, options.ifMatch);
    assertTargetWithinBounds(cluster, targetWorkers);
    const pauseAutoscaler = options.autoscaler === "pause" && (await autoscalerPauseOf(id)) !== "all";
    if (targetWorkers === cluster.currentWorkers && targetWorkers === cluster.targetWorkers && !pauseAutoscaler) return cluster;

    const blueprint = await loadClusterBlueprint(cluster);
    const agents = await db.agent.findMany({
      where: { clusterId: id },
      select: { id: true, name: true, definition: true, ordinal: true, role: true, status: true },
    });
    const activity = await agentTaskActivity(id);
    const change = planWorkerChange(
      blueprint,
      agents.map((agent) => ({ ...agent, busy: activity.has(agent.id) })),
      targetWorkers,
    );
    const outcome = await applyWorkerChange(id, change, options);
    return settleCluster(
      id,
      {
        ...outcome,
        status: "active",
        event: {
          kind: "scaled",
          reason: `${options.reason ?? `scaled to ${targetWorkers} workers`}${pauseAutoscaler ? "; autoscaler paused to keep this size" : ""}`,
          fromStatus: cluster.status,
          fromWorkers: cluster.currentWorkers,
        },
        fields: { targetWorkers },
        pauseAutoscaler,
      },
      options,
    );
  });
}

async function autoscalerPauseOf(clusterId: string): Promise<string | undefined> {
  return (await db.autoscalerState.findUnique({ where: { clusterId }, select: { pause: true } }))?.pause;
}
