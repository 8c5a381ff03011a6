// getAutoscalerView: what the autoscaler panel and the API show of one cluster's autoscaling.
import { db } from "@/lib/db";
import type { AutoscalerDecisionView, AutoscalerView } from "./api-schema";
import { AUTOSCALER_ACTOR } from "./apply-decision";
import { parseDecision, parseHistory, parsePause } from "./autoscaler-state";
import { describePolicy } from "./describe-policy";
import { findClusterWithAutoscaler } from "./find-cluster-with-autoscaler";
import { loadScalingPolicy } from "./scaling-policies";

/** How many of the decisions that changed something the view lists. */
const RECENT_DECISIONS = 10;

const ACTION_OF_EVENT: Record<string, AutoscalerDecisionView["action"]> = {
  scaled: "scale",
  hibernated: "hibernate",
  reactivated: "reactivate",
};

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
