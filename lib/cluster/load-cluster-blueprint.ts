// loadClusterBlueprint: the blueprint a cluster was spawned from, at the revision it records.
// A revision never changes once written, so its parsed blueprint is kept: every task submission
// and dispatch needs it, and parsing the YAML again would cost more than the rest of the request.
import { loadBlueprint } from "@/lib/blueprint/load";
import type { Blueprint } from "@/lib/blueprint/schema";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Cluster } from "@/lib/generated/prisma/client";

const PARSED_REVISIONS_KEPT = 200;
/** By the revision row's id: a blueprint deleted and created again under its old id gets new rows. */
const parsedRevisions = new Map<number, Blueprint>();

export async function loadClusterBlueprint(cluster: Pick<Cluster, "blueprintId" | "blueprintRevision">): Promise<Blueprint> {
  const revision = await db.blueprintRevision.findFirst({
    where: { blueprintId: cluster.blueprintId, revision: cluster.blueprintRevision },
    select: { id: true, blueprintYaml: true },
  });
  if (!revision) throw new NotFoundError("blueprint revision", `${cluster.blueprintId} revision ${cluster.blueprintRevision}`);
  const kept = parsedRevisions.get(revision.id);
  if (kept) return kept;
  const blueprint = loadBlueprint(revision.blueprintYaml);
  if (parsedRevisions.size >= PARSED_REVISIONS_KEPT) parsedRevisions.delete(parsedRevisions.keys().next().value!);
  parsedRevisions.set(revision.id, blueprint);
  return blueprint;
}
