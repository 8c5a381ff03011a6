// loadClusterBlueprint: the blueprint a cluster was spawned from, at the revision it records.
import { loadBlueprint } from "@/lib/blueprint/load";
import type { Blueprint } from "@/lib/blueprint/schema";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Cluster } from "@/lib/generated/prisma/client";

export async function loadClusterBlueprint(cluster: Pick<Cluster, "blueprintId" | "blueprintRevision">): Promise<Blueprint> {
  const revision = await db.blueprintRevision.findFirst({
    where: { blueprintId: cluster.blueprintId, revision: cluster.blueprintRevision },
  });
  if (!revision) throw new NotFoundError("blueprint revision", `${cluster.blueprintId} revision ${cluster.blueprintRevision}`);
  return loadBlueprint(revision.blueprintYaml);
}
