// listClusters: the clusters, newest first, filtered by status, type, blueprint or text, a page at a time.
import { db } from "@/lib/db";
import { containsText } from "@/lib/db/dialect";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Page, pageWindow, toPage } from "@/lib/shapes/pagination";
import type { ClusterView, ListClustersQuery } from "./api-schema";
import { CLUSTER_VIEW_INCLUDE, toClusterViewWithBlueprint } from "./cluster-record";
import { taskCountsByCluster } from "./task-activity";

export async function listClusters(query: ListClustersQuery): Promise<Page<ClusterView>> {
  const where: Prisma.ClusterWhereInput = {
    status: query.status,
    type: query.type,
    blueprintId: query.blueprint_id,
    ...(query.q ? { OR: [{ name: containsText(query.q) }, { description: containsText(query.q) }] } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.cluster.findMany({ where, orderBy: { createdAt: "desc" }, include: CLUSTER_VIEW_INCLUDE, ...pageWindow(query) }),
    db.cluster.count({ where }),
  ]);
  const tasks = await taskCountsByCluster(rows.map((row) => row.id));
  return toPage(
    rows.map((row) => toClusterViewWithBlueprint(row, tasks.get(row.id))),
    total,
    query,
  );
}
