// findClusterWithAutoscaler: a cluster with its autoscaler state, in one query, or NotFoundError.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export async function findClusterWithAutoscaler(clusterId: string) {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, include: { autoscaler: true } });
  if (!cluster) throw new NotFoundError("cluster", clusterId);
  return cluster;
}
