// findClusterViews: the current views of the clusters that still exist among some ids.
import { db } from "@/lib/db";
import type { ClusterView } from "./api-schema";
import { CLUSTER_VIEW_INCLUDE, toClusterViewWithBlueprint } from "./cluster-record";

export async function findClusterViews(ids: readonly string[]): Promise<ClusterView[]> {
  const rows = await db.cluster.findMany({ where: { id: { in: [...ids] } }, include: CLUSTER_VIEW_INCLUDE });
  return rows.map(toClusterViewWithBlueprint);
}
