// A cluster as its API view, with the blueprint's current revision beside the one it was spawned from.
import { db } from "@/lib/db";
import type { Cluster } from "@/lib/generated/prisma/client";
import type { ClusterView } from "./api-schema";
import { toClusterView } from "./cluster-record";
import { taskCountsByCluster } from "./task-activity";

export async function viewCluster(cluster: Cluster): Promise<ClusterView> {
  const blueprint = await db.blueprint.findUnique({ where: { id: cluster.blueprintId }, select: { currentRevision: true } });
  // The foreign key keeps the blueprint; the fallback only covers a row deleted by hand.
  const latest = blueprint?.currentRevision ?? cluster.blueprintRevision;
  const tasks = await taskCountsByCluster([cluster.id]);
  return toClusterView(cluster, latest, tasks.get(cluster.id));
}
