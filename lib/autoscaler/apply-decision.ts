// Carries a decision out through the services an operator's request uses, as actor `autoscaler`
// and with the decision's reason on the timeline. The revision the decision was made on goes along
// as If-Match: if someone changed the cluster meanwhile, nothing happens and the next evaluation
// decides again on fresh data.
import { systemAudit } from "@/lib/audit/audit-context";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { reactivateCluster } from "@/lib/cluster/reactivate-cluster";
import { scaleCluster } from "@/lib/cluster/scale-cluster";
import { logger } from "@/lib/logger";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import type { Decision } from "./decide";

export const AUTOSCALER_ACTOR = "autoscaler";

export interface DecidedCluster {
  id: string;
  revision: number;
  currentWorkers: number;
}

/** The decision as it turned out: the workers the cluster settled at, or `none` with why it was not applied. */
export async function applyDecision(cluster: DecidedCluster, decision: Decision, runtime: AgentRuntime): Promise<Decision> {
  if (decision.action === "none") return decision;
  const options = { runtime, audit: systemAudit(AUTOSCALER_ACTOR), ifMatch: cluster.revision, reason: decision.reason };
  try {
    const settled =
      decision.action === "scale"
        ? await scaleCluster(cluster.id, decision.workers, options)
        : decision.action === "hibernate"
          ? await hibernateCluster(cluster.id, options)
          : await reactivateCluster(cluster.id, decision.workers, options);
    return { ...decision, workers: settled.currentWorkers };
  } catch (error) {
    logger.warn({ clusterId: cluster.id, action: decision.action, err: error }, "the autoscaler's decision was not applied");
    const why = error instanceof Error ? error.message : String(error);
    return {
      action: "none",
      workers: cluster.currentWorkers,
      recommendation: decision.recommendation,
      reason: `${decision.reason}; not applied: ${why}`,
    };
  }
}
