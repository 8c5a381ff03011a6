// findClusterOrThrow: one cluster with its status and type checked, or NotFoundError.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { type ClusterRecord, parseClusterRecord } from "./cluster-record";

export async function findClusterOrThrow(id: string): Promise<ClusterRecord> {
  const cluster = await db.cluster.findUnique({ where: { id } });
  if (!cluster) throw new NotFoundError("cluster", id);
  return parseClusterRecord(cluster);
}
