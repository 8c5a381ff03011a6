// Stored cluster rows as the API's snake_case shape.
import type { ClusterType } from "@/lib/blueprint/schema";
import type { Cluster as ClusterRow } from "@/lib/generated/prisma/client";
import type { ClusterView } from "./api-schema";

export function toClusterView(row: ClusterRow): ClusterView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type as ClusterType,
    status: row.status,
    blueprint_id: row.blueprintId,
    blueprint_version: row.blueprintVersion,
    min_workers: row.minWorkers,
    max_workers: row.maxWorkers,
    target_workers: row.targetWorkers,
    current_workers: row.currentWorkers,
    health_score: row.healthScore,
    config: JSON.parse(row.configJson) as Record<string, unknown>,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    hibernated_at: row.hibernatedAt?.toISOString() ?? null,
    created_by: row.createdBy,
    revision: row.revision,
  };
}
