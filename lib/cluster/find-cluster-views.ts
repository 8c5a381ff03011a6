// findClusterViews: the current views of the clusters that still exist among some ids.
import { db } from "@/lib/db";
import type { ClusterView } from "./api-schema";
import { CLUSTER_VIEW_INCLUDE, toClusterViewWithBlueprint } from "./cluster-record";
import { taskCountsByCluster } from "./task-activity";

export async function findClusterViews(ids: readonly string[]): Promise<ClusterView[]> {
  const rows = await db.cluster.findMany({ where: { id: { in: [...ids] } }, include: CLUSTER_VIEW_INCLUDE });
  const tasks = await taskCountsByCluster(rows.map((row) => row.id));
  return rows.map((row) => toClusterViewWithBlueprint(row, tasks.get(row.id)));
}
