// Stored cluster, agent and cluster-event rows: their text columns as the domain's types, and the
// API's snake_case shapes.
import { AGENT_ROLES, type AgentRole, CLUSTER_TYPES, type ClusterType } from "@/lib/blueprint/schema";
import { parseStoredValue } from "@/lib/db/stored-value";
import type { Agent as AgentRow, Cluster as ClusterRow, ClusterEvent as ClusterEventRow } from "@/lib/generated/prisma/client";
import { AGENT_STATUSES, type AgentStatus, type AgentView, type ClusterActivity, type ClusterView } from "./api-schema";
import { CLUSTER_STATUSES, type ClusterStatus } from "./state-machine";
import type { AgentTaskActivity, ClusterTaskCounts } from "./task-activity";

/** A stored cluster with its status and type checked. */
export type ClusterRecord = ClusterRow & { status: ClusterStatus; type: ClusterType };

export function parseClusterRecord<Row extends Pick<ClusterRow, "status" | "type">>(
  row: Row,
): Row & { status: ClusterStatus; type: ClusterType } {
  return {
    ...row,
    status: parseStoredValue(CLUSTER_STATUSES, row.status, "clusters.status"),
    type: parseStoredValue(CLUSTER_TYPES, row.type, "clusters.type"),
  };
}

function parseAgentRecord<Row extends Pick<AgentRow, "role" | "status">>(row: Row): Row & { role: AgentRole; status: AgentStatus } {
  return {
    ...row,
    role: parseStoredValue(AGENT_ROLES, row.role, "agents.role"),
    status: parseStoredValue(AGENT_STATUSES, row.status, "agents.status"),
  };
}

/** What a cluster query includes so that `toClusterViewWithBlueprint` can tell whether a newer blueprint revision exists. */
export const CLUSTER_VIEW_INCLUDE = { blueprint: { select: { currentRevision: true } } } as const;

export function toClusterViewWithBlueprint(
  { blueprint, ...row }: ClusterRow & { blueprint: { currentRevision: number } },
  tasks: ClusterTaskCounts | undefined,
): ClusterView {
  return toClusterView(row, blueprint.currentRevision, tasks);
}

const NO_TASKS: ClusterTaskCounts = { queued: 0, running: 0 };

/** `blueprintLatestRevision` is the blueprint's current revision, to tell whether a newer one exists. */
export function toClusterView(stored: ClusterRow, blueprintLatestRevision: number, tasks: ClusterTaskCounts = NO_TASKS): ClusterView {
  const row = parseClusterRecord(stored);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type,
    status: row.status,
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
    tasks,
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

export function toAgentView(stored: AgentRow, activity: AgentTaskActivity | undefined): AgentView {
  const row = parseAgentRecord(stored);
  return {
    agent_id: row.id,
    cluster_id: row.clusterId,
    name: row.name,
    definition: row.definition,
    role: row.role,
    status: row.status,
    supervisor_id: row.supervisorId,
    ...parseAgentJsonColumns(row),
    running_tasks: activity?.running ?? 0,
    current_task_id: activity?.currentTaskId ?? null,
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
