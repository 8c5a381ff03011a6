// Stored cluster, agent and cluster-event rows as the API's snake_case shapes.
import type { AgentRole, ClusterType } from "@/lib/blueprint/schema";
import type { Agent as AgentRow, Cluster as ClusterRow, ClusterEvent as ClusterEventRow } from "@/lib/generated/prisma/client";
import type { AGENT_STATUSES, AgentView, ClusterActivity, ClusterView } from "./api-schema";
import type { ClusterStatus } from "./state-machine";

/** What a cluster query includes so that `toClusterViewWithBlueprint` can tell whether a newer blueprint revision exists. */
export const CLUSTER_VIEW_INCLUDE = { blueprint: { select: { currentRevision: true } } } as const;

export function toClusterViewWithBlueprint({ blueprint, ...row }: ClusterRow & { blueprint: { currentRevision: number } }): ClusterView {
  return toClusterView(row, blueprint.currentRevision);
}

/** `blueprintLatestRevision` is the blueprint's current revision, to tell whether a newer one exists. */
export function toClusterView(row: ClusterRow, blueprintLatestRevision: number): ClusterView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type as ClusterType,
    status: row.status as ClusterStatus,
    blueprint_id: row.blueprintId,
    blueprint_version: row.blueprintVersion,
    blueprint_revision: row.blueprintRevision,
    blueprint_latest_revision: blueprintLatestRevision,
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

/** An agent's capabilities, skills and config, stored as JSON text. */
export function parseAgentJsonColumns(row: Pick<AgentRow, "capabilitiesJson" | "skillsJson" | "configJson">) {
  return {
    capabilities: JSON.parse(row.capabilitiesJson) as string[],
    skills: JSON.parse(row.skillsJson) as string[],
    config: JSON.parse(row.configJson) as Record<string, unknown>,
  };
}

export function toAgentView(row: AgentRow): AgentView {
  return {
    agent_id: row.id,
    cluster_id: row.clusterId,
    name: row.name,
    definition: row.definition,
    role: row.role as AgentRole,
    status: row.status as (typeof AGENT_STATUSES)[number],
    supervisor_id: row.supervisorId,
    ...parseAgentJsonColumns(row),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toActivityView(row: ClusterEventRow): ClusterActivity {
  return {
    id: row.id,
    kind: row.kind,
    from_status: row.fromStatus,
    to_status: row.toStatus,
    from_workers: row.fromWorkers,
    to_workers: row.toWorkers,
    reason: row.reason,
    actor: row.actor,
    created_at: row.createdAt.toISOString(),
  };
}
