// settleCluster: the last step of every action that starts or stops agents.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Cluster } from "@/lib/generated/prisma/client";
import { recordClusterChange } from "./change-feed";
import { type ClusterRecord, parseClusterRecord } from "./cluster-record";
import type { ClusterStatus } from "./state-machine";

interface SettleChange {
  started: string[];
  failed: string[];
  status: ClusterStatus;
  event: {
    kind: "created" | "scaled" | "hibernated" | "reactivated" | "recovered";
    reason: string;
    fromStatus: ClusterStatus;
    fromWorkers: number;
  };
  /** Columns the action sets along with the counts. */
  fields?: Partial<Pick<Cluster, "targetWorkers" | "startedAt" | "hibernatedAt">>;
  /** Pause the cluster's autoscaler in the same transaction (a manual scale that should stay). */
  pauseAutoscaler?: boolean;
}

const AUDIT_ACTIONS: Record<SettleChange["event"]["kind"], string> = {
  created: "cluster.create",
  scaled: "cluster.scale",
  hibernated: "cluster.hibernate",
  reactivated: "cluster.reactivate",
  recovered: "cluster.recover",
};

/**
 * Marks started agents active and failed ones failed, sets the cluster's worker count and health,
 * and writes the cluster event and the audit line (and an autoscaler pause, when asked) in the same transaction.
 */
export async function settleCluster(clusterId: string, change: SettleChange, options: { audit: AuditContext }): Promise<ClusterRecord> {
  const cluster = await db.$transaction(async (tx) => {
    // Every agent still `starting` was started just now; selecting them by status keeps the
    // statement small where an id list would bind a thousand parameters.
    if (change.failed.length) await tx.agent.updateMany({ where: { id: { in: change.failed } }, data: { status: "failed" } });
    if (change.started.length) await tx.agent.updateMany({ where: { clusterId, status: "starting" }, data: { status: "active" } });
    const counts = await tx.agent.groupBy({ by: ["role", "status"], where: { clusterId }, _count: { _all: true } });
    const count = (predicate: (row: (typeof counts)[number]) => boolean) =>
      counts.filter(predicate).reduce((sum, row) => sum + row._count._all, 0);
    const currentWorkers = count((row) => row.role === "worker" && row.status === "active");
    const failedAgents = count((row) => row.status === "failed");
    const expected = count((row) => row.status === "active" || row.status === "failed" || row.status === "hibernated");
    const settled = await tx.cluster.update({
      where: { id: clusterId },
      data: {
        status: change.status,
        currentWorkers,
        healthScore: expected === 0 ? 1 : Math.round((1 - failedAgents / expected) * 1000) / 1000,
        revision: { increment: 1 },
        ...change.fields,
      },
    });
    if (change.pauseAutoscaler)
      await tx.autoscalerState.upsert({ where: { clusterId }, create: { clusterId, pause: "all" }, update: { pause: "all" } });
    await tx.clusterEvent.create({
      data: {
        clusterId,
        kind: change.event.kind,
        fromStatus: change.event.fromStatus,
        toStatus: change.status,
        fromWorkers: change.event.fromWorkers,
        toWorkers: currentWorkers,
        reason: change.event.reason,
        actor: options.audit.actorEmail,
      },
    });
    await recordClusterChange(tx, clusterId);
    await recordAudit(tx, options.audit, {
      action: AUDIT_ACTIONS[change.event.kind],
      targetType: "cluster",
      targetId: clusterId,
      summary: `${settled.name}: ${change.event.reason}; workers ${change.event.fromWorkers} -> ${currentWorkers}, ${settled.status}`,
    });
    return settled;
  });
  return parseClusterRecord(cluster);
}
