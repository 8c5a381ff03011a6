// hibernateCluster: every worker and specialist sleeps; the supervisor and leads stay.
import { db } from "@/lib/db";
import type { ClusterActionOptions } from "./action-options";
import { assertRevision } from "./cluster-assertions";
import { withClusterLock } from "./cluster-lock";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { settleCluster } from "./settle-cluster";
import { assertActionAllowed } from "./state-machine";

export function hibernateCluster(id: string, options: ClusterActionOptions) {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status, "hibernate");
    assertRevision(cluster, options.ifMatch);
    const sleeping = await db.agent.findMany({
      where: { clusterId: id, role: { in: ["worker", "specialist"] }, status: { in: ["active", "starting"] } },
      select: { id: true },
    });
    await db.agent.updateMany({ where: { id: { in: sleeping.map((agent) => agent.id) } }, data: { status: "hibernated" } });
    await Promise.allSettled(sleeping.map((agent) => options.runtime.hibernate(agent.id)));
    return settleCluster(
      id,
      {
        started: [],
        failed: [],
        status: "hibernated",
        event: {
          kind: "hibernated",
          reason: options.reason ?? "hibernated by request",
          fromStatus: cluster.status,
          fromWorkers: cluster.currentWorkers,
        },
        fields: { hibernatedAt: new Date() },
      },
      options,
    );
  });
}
