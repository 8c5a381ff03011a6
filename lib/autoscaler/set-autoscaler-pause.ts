// setAutoscalerPause: the operator pauses or resumes the autoscaler for one cluster; the change is
// on the timeline and in the audit log.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordClusterChange } from "@/lib/cluster/change-feed";
import { withClusterLock } from "@/lib/cluster/cluster-lock";
import { db } from "@/lib/db";
import type { AutoscalerView } from "./api-schema";
import { parsePause } from "./autoscaler-state";
import type { AutoscalerPause } from "./decide";
import { findClusterWithAutoscaler } from "./find-cluster-with-autoscaler";
import { getAutoscalerView } from "./get-autoscaler-view";

/** The timeline entry of a pause or resume. */
const PAUSE_EVENT_KIND = "autoscaler-pause";

const PAUSE_WORDS: Record<AutoscalerPause, string> = {
  none: "autoscaling resumed",
  all: "autoscaling paused",
  scale_in: "autoscaling paused for scaling in",
  scale_out: "autoscaling paused for scaling out",
};

export async function setAutoscalerPause(
  clusterId: string,
  pause: AutoscalerPause,
  options: { audit: AuditContext },
): Promise<AutoscalerView> {
  await withClusterLock(clusterId, async () => {
    const cluster = await findClusterWithAutoscaler(clusterId);
    const before = parsePause(cluster.autoscaler?.pause);
    if (before === pause) return;
    await db.$transaction(async (tx) => {
      await tx.autoscalerState.upsert({ where: { clusterId }, create: { clusterId, pause }, update: { pause } });
      await tx.clusterEvent.create({
        data: {
          clusterId,
          kind: PAUSE_EVENT_KIND,
          fromStatus: cluster.status,
          toStatus: cluster.status,
          fromWorkers: cluster.currentWorkers,
          toWorkers: cluster.currentWorkers,
          reason: PAUSE_WORDS[pause],
          actor: options.audit.actorEmail,
        },
      });
      await recordClusterChange(tx, clusterId);
      await recordAudit(tx, options.audit, {
        action: "cluster.autoscaler_pause",
        targetType: "cluster",
        targetId: clusterId,
        summary: `${cluster.name}: ${PAUSE_WORDS[pause]} (pause ${before} -> ${pause})`,
      });
    });
  });
  return getAutoscalerView(clusterId);
}
