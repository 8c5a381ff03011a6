// listActivity: the cluster's timeline, newest first: who scaled what when, status changes, failures.
import { db } from "@/lib/db";
import { type Page, pageWindow, toPage } from "@/lib/shapes/pagination";
import type { ClusterActivity, ListActivityQuery } from "./api-schema";
import { toActivityView } from "./cluster-record";
import { findClusterOrThrow } from "./find-cluster-or-throw";

export async function listActivity(clusterId: string, query: ListActivityQuery): Promise<Page<ClusterActivity>> {
  await findClusterOrThrow(clusterId);
  const [rows, total] = await db.$transaction([
    db.clusterEvent.findMany({ where: { clusterId }, orderBy: { id: "desc" }, ...pageWindow(query) }),
    db.clusterEvent.count({ where: { clusterId } }),
  ]);
  return toPage(rows.map(toActivityView), total, query);
}
