// Request and response shapes of the cluster routes (spec/api.md), shared by routes, hooks and OpenAPI.
import { z } from "zod";
import { CLUSTER_TYPES, MAX_WORKERS_LIMIT } from "@/lib/blueprint/schema";

const workerCount = z.int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }).max(MAX_WORKERS_LIMIT, { error: `must be at most ${MAX_WORKERS_LIMIT}` });

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

export const scaleClusterRequestSchema = z.strictObject({ target_workers: workerCount });

export const clusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(CLUSTER_TYPES),
  status: z.string(),
  blueprint_id: z.string(),
  blueprint_version: z.string(),
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
});
export type ClusterView = z.infer<typeof clusterSchema>;

export interface HierarchyNode {
  agent_id: string;
  name: string;
  role: string;
  status: string;
  subordinates: HierarchyNode[];
}

export interface ClusterHierarchy {
  cluster_id: string;
  cluster_name: string;
  total_agents: number;
  supervisor: HierarchyNode | null;
}
