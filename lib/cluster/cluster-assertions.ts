// The checks an action makes on the cluster as read before it changes anything.
import { assertRevisionMatches, InvalidInputError } from "@/lib/errors";
import type { Cluster } from "@/lib/generated/prisma/client";

export function assertRevision(cluster: Pick<Cluster, "revision">, ifMatch: number | undefined): void {
  assertRevisionMatches("cluster", cluster.revision, ifMatch);
}

export function assertTargetWithinBounds(cluster: Pick<Cluster, "minWorkers" | "maxWorkers">, target: number): void {
  if (target >= cluster.minWorkers && target <= cluster.maxWorkers) return;
  throw new InvalidInputError(`target_workers must lie within [${cluster.minWorkers}, ${cluster.maxWorkers}]`, [
    { path: "target_workers", message: `${target} is outside [${cluster.minWorkers}, ${cluster.maxWorkers}]` },
  ]);
}
