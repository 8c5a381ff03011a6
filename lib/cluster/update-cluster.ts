// updateCluster: name, description, worker bounds and config; bounds stay realizable by the blueprint.
import { checkWorkerBounds } from "@/lib/blueprint/plan";
import { countBounds } from "@/lib/blueprint/rules";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { InvalidInputError } from "@/lib/errors";
import type { Cluster } from "@/lib/generated/prisma/client";
import type { ClusterChangeOptions } from "./action-options";
import type { UpdateClusterRequest } from "./api-schema";
import { recordClusterChange } from "./change-feed";
import { assertRevision } from "./cluster-assertions";
import { withClusterLock } from "./cluster-lock";
import { parseClusterRecord } from "./cluster-record";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { loadClusterBlueprint } from "./load-cluster-blueprint";
import { assertActionAllowed } from "./state-machine";
import { workerDefinitions } from "./worker-pool";

export function updateCluster(id: string, changes: UpdateClusterRequest, options: ClusterChangeOptions) {
  return withClusterLock(id, async () => {
    const cluster = await findClusterOrThrow(id);
    assertActionAllowed(cluster.status, "update");
    assertRevision(cluster, options.ifMatch);
    const min = changes.min_workers ?? cluster.minWorkers;
    const max = changes.max_workers ?? cluster.maxWorkers;
    if (changes.min_workers !== undefined || changes.max_workers !== undefined) {
      const groups = workerDefinitions(await loadClusterBlueprint(cluster)).map((group) => countBounds(group.count)!);
      const fieldErrors = checkWorkerBounds(groups, min, max);
      if (fieldErrors.length === 0 && (cluster.targetWorkers < min || cluster.targetWorkers > max)) {
        fieldErrors.push({
          path: "min_workers",
          message: `the cluster runs ${cluster.targetWorkers} workers; scale it into [${min}, ${max}] first`,
        });
      }
      if (fieldErrors.length > 0)
        throw new InvalidInputError(
          `the new worker bounds do not fit: ${fieldErrors.map((error) => error.message).join("; ")}`,
          fieldErrors,
        );
    }
    const updated = await db.$transaction(async (tx) => {
      const row = await tx.cluster.update({
        where: { id },
        data: {
          name: changes.name,
          description: changes.description,
          minWorkers: min,
          maxWorkers: max,
          configJson: changes.config === undefined ? undefined : JSON.stringify(changes.config),
          revision: { increment: 1 },
        },
      });
      await tx.clusterEvent.create({
        data: { clusterId: id, kind: "updated", reason: `updated ${Object.keys(changes).join(", ")}`, actor: options.audit.actorEmail },
      });
      await recordClusterChange(tx, id);
      await recordAudit(tx, options.audit, {
        action: "cluster.update",
        targetType: "cluster",
        targetId: id,
        summary: `${row.name}: ${describeClusterChange(cluster, changes)}`,
      });
      return row;
    });
    return parseClusterRecord(updated);
  });
}

function describeClusterChange(cluster: Cluster, changes: UpdateClusterRequest): string {
  const parts: string[] = [];
  if (changes.name !== undefined && changes.name !== cluster.name) parts.push(`name "${cluster.name}" -> "${changes.name}"`);
  if (changes.description !== undefined) parts.push("description changed");
  if (changes.min_workers !== undefined && changes.min_workers !== cluster.minWorkers)
    parts.push(`min_workers ${cluster.minWorkers} -> ${changes.min_workers}`);
  if (changes.max_workers !== undefined && changes.max_workers !== cluster.maxWorkers)
    parts.push(`max_workers ${cluster.maxWorkers} -> ${changes.max_workers}`);
  if (changes.config !== undefined) parts.push("config replaced");
  return parts.length ? parts.join(", ") : "no change";
}
