// findClusterOrThrow: one cluster, or NotFoundError.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Cluster } from "@/lib/generated/prisma/client";

export async function findClusterOrThrow(id: string): Promise<Cluster> {
  const cluster = await db.cluster.findUnique({ where: { id } });
  if (!cluster) throw new NotFoundError("cluster", id);
  return cluster;
}
