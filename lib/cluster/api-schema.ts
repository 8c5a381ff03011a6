// Request and response shapes of the cluster routes (spec/api.md), shared by routes, hooks and OpenAPI.
import { z } from "zod";
import { paginationQuery } from "@/lib/shapes/pagination";
import { booleanQuery } from "@/lib/shapes/query-flags";
import { AGENT_ROLES, CLUSTER_TYPES, MAX_WORKERS_LIMIT } from "@/lib/blueprint/schema";
import { CLUSTER_STATUSES } from "./state-machine";

export const AGENT_STATUSES = ["starting", "active", "inactive", "hibernated", "failed", "stopped"] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

const workerCount = z
  .int({ error: "must be a whole number" })
  .min(0, { error: "must be 0 or more" })
  .max(MAX_WORKERS_LIMIT, { error: `must be at most ${MAX_WORKERS_LIMIT}` });

export const createClusterRequestSchema = z.strictObject({
  blueprint_id: z.string().min(1).max(64),
  name: z.string().trim().min(1, { error: "must not be empty" }).max(200),
  type: z.enum(CLUSTER_TYPES).optional(),
  description: z.string().max(2000).optional(),
  min_workers: workerCount.optional(),
  max_workers: workerCount.optional(),
  target_workers: workerCount.optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type CreateClusterRequest = z.output<typeof createClusterRequestSchema>;

export const SCALE_AUTOSCALER_CHOICES = ["keep", "pause"] as const;
export type ScaleAutoscalerChoice = (typeof SCALE_AUTOSCALER_CHOICES)[number];

export const scaleClusterRequestSchema = z.strictObject({
  target_workers: workerCount,
  autoscaler: z
    .enum(SCALE_AUTOSCALER_CHOICES, { error: 'autoscaler must be "keep" or "pause"' })
    .default("keep")
    .describe(
      'What the cluster\'s autoscaler does after this scale. "keep" (the default) leaves it running: when the blueprint has a `scaling` policy, its next evaluation may change the workers back. "pause" pauses it for this cluster (`pause: all`, as `PUT /api/clusters/{id}/autoscaler` would) in the same transaction as the scale, so the new size stays until someone resumes it; the timeline and the audit line say so.',
    ),
});

export const clusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(CLUSTER_TYPES),
  status: z.enum(CLUSTER_STATUSES),
  blueprint_id: z.string(),
  blueprint_version: z.string(),
  blueprint_revision: z
    .int()
    .describe(
      "The blueprint revision the cluster was spawned from; compare with the blueprint's `revision` to see whether a newer one exists.",
    ),
  blueprint_latest_revision: z
    .int()
    .describe(
      "The blueprint's current revision: newer than `blueprint_revision` when the blueprint changed after the cluster was spawned.",
    ),
  min_workers: z.int(),
  max_workers: z.int(),
  target_workers: z.int(),
  current_workers: z.int(),
  health_score: z.number(),
  config: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  started_at: z.iso.datetime().nullable(),
  hibernated_at: z.iso.datetime().nullable(),
  created_by: z.string().nullable(),
  revision: z.int(),
  tasks: z
    .object({
      queued: z.int().describe("Tasks waiting for an agent: queued, or failed and waiting for their next attempt."),
      running: z.int().describe("Tasks an agent runs now."),
    })
    .describe("The cluster's tasks now; they change without changing the cluster's revision."),
});
export type ClusterView = z.infer<typeof clusterSchema>;

export interface HierarchyNode {
  agent_id: string;
  name: string;
  /** The blueprint definition the agent was spawned from: instances of a worker group share it. */
  definition: string;
  role: string;
  status: string;
  /** Tasks the agent runs now (0 when idle). */
  running_tasks: number;
  subordinates: HierarchyNode[];
}

// Recursive, so the node's type is written out and the schema is held to it.
export const hierarchyNodeSchema: z.ZodType<HierarchyNode> = z.object({
  agent_id: z.string(),
  name: z.string(),
  definition: z.string(),
  role: z.string(),
  status: z.string(),
  running_tasks: z.int(),
  get subordinates() {
    return z.array(hierarchyNodeSchema);
  },
});

export const clusterHierarchySchema = z.object({
  cluster_id: z.string(),
  cluster_name: z.string(),
  total_agents: z.int(),
  supervisor: hierarchyNodeSchema.nullable(),
});
export type ClusterHierarchy = z.infer<typeof clusterHierarchySchema>;

export const updateClusterRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "must not be empty" }).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    min_workers: workerCount.optional(),
    max_workers: workerCount.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: "send at least one of name, description, min_workers, max_workers, config" });
export type UpdateClusterRequest = z.output<typeof updateClusterRequestSchema>;

/** The body may be left out entirely: the cluster wakes with min_workers. */
export const reactivateClusterRequestSchema = z.strictObject({ target_workers: workerCount.optional() }).optional();

export const clusterIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const agentParamsSchema = clusterIdParamsSchema.extend({ agentId: z.string().min(1).max(100) });

export const listClustersQuerySchema = z.object({
  status: z.enum(CLUSTER_STATUSES).optional(),
  type: z.enum(CLUSTER_TYPES).optional(),
  blueprint_id: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  ...paginationQuery,
});
export type ListClustersQuery = z.output<typeof listClustersQuerySchema>;

export const clusterActivitySchema = z.object({
  id: z.int(),
  kind: z
    .string()
    .describe(
      "created, scaled, hibernated, reactivated, updated, recovered, autoscaler (the autoscaler's latest decision that changed nothing) or autoscaler-pause",
    ),
  from_status: z.string().nullable(),
  to_status: z.string().nullable(),
  from_workers: z.int().nullable(),
  to_workers: z.int().nullable(),
  reason: z.string(),
  actor: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type ClusterActivity = z.infer<typeof clusterActivitySchema>;

export const listActivityQuerySchema = z.object({ ...paginationQuery });
export type ListActivityQuery = z.output<typeof listActivityQuerySchema>;

export const clusterEventsQuerySchema = z.object({
  cluster_id: z.string().min(1).max(100).optional().describe("Only this cluster's changes."),
});

/** The data of the event stream's `cluster-deleted` event. */
export interface ClusterDeletedEvent {
  id: string;
  /** Who deleted the cluster; null when not known (the server removed it, or the stream saw it gone first). */
  deleted_by: string | null;
}

/** EventSource's Last-Event-ID header: a change-feed id. */
export const lastEventIdSchema = z.coerce.number().int().nonnegative();

export const createClusterQuerySchema = z.object({
  dry_run: booleanQuery.default(false).describe("true: answer the findings and the spawn plan, and create nothing."),
});

export const listAgentsQuerySchema = z.object({
  role: z.enum(AGENT_ROLES).optional(),
  status: z.enum(AGENT_STATUSES).optional(),
  ...paginationQuery,
});
export type ListAgentsQuery = z.output<typeof listAgentsQuerySchema>;

export const agentSchema = z.object({
  agent_id: z.string(),
  cluster_id: z.string(),
  name: z.string(),
  definition: z.string(),
  role: z.enum(AGENT_ROLES),
  status: z.enum(AGENT_STATUSES),
  supervisor_id: z.string().nullable(),
  capabilities: z.array(z.string()),
  skills: z.array(z.string()),
  config: z.record(z.string(), z.unknown()),
  running_tasks: z.int().describe("Tasks the agent runs now: busy when more than 0, else idle."),
  current_task_id: z.string().nullable().describe("The task the agent started most recently among those it runs now."),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type AgentView = z.infer<typeof agentSchema>;
