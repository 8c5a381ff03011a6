// getAutoscalerView and setAutoscalerPause: what the autoscaler panel and the API show of one
// cluster's autoscaling, and the operator's pause.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordClusterChange } from "@/lib/cluster/change-feed";
import { withClusterLock } from "@/lib/cluster/cluster-lock";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { AutoscalerDecisionView, AutoscalerView } from "./api-schema";
import { AUTOSCALER_ACTOR } from "./apply-decision";
import { parseDecision, parseHistory, parsePause } from "./autoscaler-state";
import type { AutoscalerPause } from "./decide";
import { describePolicy } from "./describe-policy";
import { loadScalingPolicy } from "./scaling-policies";

/** How many of the decisions that changed something the view lists. */
const RECENT_DECISIONS = 10;
export const PAUSE_EVENT_KIND = "autoscaler-pause";

const ACTION_OF_EVENT: Record<string, AutoscalerDecisionView["action"]> = {
  scaled: "scale",
  hibernated: "hibernate",
  reactivated: "reactivate",
};

const PAUSE_WORDS: Record<AutoscalerPause, string> = {
  none: "autoscaling resumed",
  all: "autoscaling paused",
  scale_in: "autoscaling paused for scaling in",
  scale_out: "autoscaling paused for scaling out",
};

/** The cluster with its autoscaler state, in one query. */
async function findClusterWithAutoscaler(clusterId: string) {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, include: { autoscaler: true } });
  if (!cluster) throw new NotFoundError("cluster", clusterId);
  return cluster;
}

export async function getAutoscalerView(clusterId: string): Promise<AutoscalerView> {
  const cluster = await findClusterWithAutoscaler(clusterId);
  const policy = await loadScalingPolicy(cluster);
  const changes = await db.clusterEvent.findMany({
    where: { clusterId, actor: AUTOSCALER_ACTOR, kind: { in: Object.keys(ACTION_OF_EVENT) } },
    orderBy: { id: "desc" },
    take: RECENT_DECISIONS,
  });
  const state = cluster.autoscaler;
  const latestRecommendation = parseHistory(state?.historyJson).at(-1);
  const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);
  return {
    cluster_id: clusterId,
    policy,
    policy_summary: describePolicy(policy),
    pause: parsePause(state?.pause),
    recommendation: latestRecommendation && latestRecommendation.at === state?.lastEvaluatedAt ? latestRecommendation.workers : null,
    last_evaluated_at: iso(state?.lastEvaluatedAt),
    next_evaluation_at: iso(state?.nextEvaluationAt),
    last_decision: parseDecision(state?.lastDecisionJson),
    decisions: changes.map((event) => ({
      at: event.createdAt.toISOString(),
      action: ACTION_OF_EVENT[event.kind]!,
      from_workers: event.fromWorkers ?? 0,
      to_workers: event.toWorkers ?? 0,
      reason: event.reason,
    })),
  };
}

/** Pauses or resumes the autoscaler for one cluster; the change is on the timeline and in the audit log. */
export async function setAutoscalerPause(clusterId: string, pause: AutoscalerPause, audit: AuditContext): Promise<AutoscalerView> {
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
          actor: audit.actorEmail,
        },
      });
      await recordClusterChange(tx, clusterId);
      await recordAudit(tx, audit, {
        action: "cluster.autoscaler_pause",
        targetType: "cluster",
        targetId: clusterId,
        summary: `${cluster.name}: ${PAUSE_WORDS[pause]} (pause ${before} -> ${pause})`,
      });
    });
  });
  return getAutoscalerView(clusterId);
}
