// deleteCluster: stop every agent, then remove the cluster with its agents and events.
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { recordClusterChange, removeCluster } from "./change-feed";
import type { ClusterActionOptions } from "./action-options";
import { assertRevision } from "./cluster-assertions";
import { withClusterLock } from "./cluster-lock";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { assertActionAllowed } from "./state-machine";

export function deleteCluster(id: string, options: ClusterActionOptions): Promise<void> {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status, "delete");
    assertRevision(cluster, options.ifMatch);
    await db.$transaction(async (tx) => {
      await tx.cluster.update({ where: { id }, data: { status: "deleting", revision: { increment: 1 } } });
      await recordClusterChange(tx, id);
    });
    const agents = await db.agent.findMany({ where: { clusterId: id }, select: { id: true } });
    await Promise.allSettled(agents.map((agent) => options.runtime.stop(agent.id)));
    await db.$transaction(async (tx) => {
      await removeCluster(tx, id, options.audit.actorEmail);
      await recordAudit(tx, options.audit, {
        action: "cluster.delete",
        targetType: "cluster",
        targetId: id,
        summary: `${cluster.name}: deleted with ${agents.length} agents`,
      });
    });
  });
}
