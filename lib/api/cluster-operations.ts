// The cluster operations: create (or plan), list, read, edit, delete, scale, hibernate,
// reactivate, and the cluster's hierarchy, agents and timeline.
import { blueprintCheckSchema } from "@/lib/blueprint/api-schema";
import {
  agentParamsSchema,
  agentSchema,
  clusterActivitySchema,
  clusterHierarchySchema,
  clusterIdParamsSchema,
  clusterSchema,
  createClusterQuerySchema,
  createClusterRequestSchema,
  listActivityQuerySchema,
  listAgentsQuerySchema,
  listClustersQuerySchema,
  reactivateClusterRequestSchema,
  scaleClusterRequestSchema,
  updateClusterRequestSchema,
} from "@/lib/cluster/api-schema";
import { pageOf } from "@/lib/shapes/pagination";
import { exampleBlueprint } from "./examples";
import type { OperationTable } from "./operation";

export const clusterMissing = { status: 404, description: "No cluster with this id." } as const;
const notNow = {
  status: 409,
  description: "The cluster's status does not allow this action now, or another action on it is still under way (retry after Retry-After).",
} as const;
/** Another action on the cluster held it longer than this one may wait (CLUSTER_LOCK_TIMEOUT_MS). */
export const clusterBusy = {
  status: 409,
  description: "Another action on the cluster is still under way; retry after Retry-After.",
} as const;

export const clusterOperations = {
  "/api/clusters": {
    GET: {
      summary: "List clusters",
      access: "viewer",
      query: listClustersQuerySchema,
      ok: { status: 200, description: "A page of clusters.", schema: pageOf(clusterSchema) },
    },
    POST: {
      summary: "Create a cluster (or plan one with dry_run=true)",
      access: "operator",
      query: createClusterQuerySchema,
      body: createClusterRequestSchema,
      ok: { status: 201, description: "The running cluster.", schema: clusterSchema, etag: true },
      alsoOk: {
        status: 200,
        description: "dry_run=true: the findings and the spawn plan; nothing is created.",
        schema: blueprintCheckSchema,
      },
      refusals: [
        { status: 404, description: "No blueprint with this id." },
        { status: 409, description: "The blueprint is deactivated." },
      ],
      examples: () => ({
        body: {
          blueprint_id: exampleBlueprint().metadata.id,
          name: "Q1 Marketing Campaign",
          type: "campaign",
          target_workers: 5,
          description: "Q1 launch campaign",
        },
      }),
    },
  },
  "/api/clusters/{id}": {
    GET: {
      summary: "Get a cluster",
      access: "viewer",
      params: clusterIdParamsSchema,
      ok: { status: 200, description: "The cluster; ETag carries its revision.", schema: clusterSchema, etag: true },
      refusals: [clusterMissing],
    },
    PUT: {
      summary: "Edit a cluster's name, description and limits",
      access: "operator",
      params: clusterIdParamsSchema,
      conditional: true,
      body: updateClusterRequestSchema,
      ok: { status: 200, description: "The cluster.", schema: clusterSchema, etag: true },
      refusals: [clusterMissing, notNow],
      examples: () => ({ body: { name: "Q1 Marketing Campaign", max_workers: 12 } }),
    },
    DELETE: {
      summary: "Delete a cluster and its agents",
      access: "operator",
      params: clusterIdParamsSchema,
      conditional: true,
      ok: { status: 204, description: "Deleted." },
      refusals: [clusterMissing, notNow],
    },
  },
  "/api/clusters/{id}/scale": {
    POST: {
      summary: "Scale the workers (and optionally pause the autoscaler)",
      access: "operator",
      params: clusterIdParamsSchema,
      conditional: true,
      body: scaleClusterRequestSchema,
      ok: {
        status: 200,
        description:
          'The cluster at its new size. With `autoscaler: "pause"` its autoscaler is paused as well (see `GET /api/clusters/{id}/autoscaler`); with the default `"keep"` a cluster whose blueprint has a `scaling` policy may be resized again at the autoscaler\'s next evaluation.',
        schema: clusterSchema,
        etag: true,
      },
      refusals: [clusterMissing, notNow],
      examples: () => ({ body: { target_workers: 10, autoscaler: "pause" } }),
    },
  },
  "/api/clusters/{id}/hibernate": {
    POST: {
      summary: "Hibernate a cluster",
      access: "operator",
      params: clusterIdParamsSchema,
      conditional: true,
      ok: { status: 200, description: "The hibernated cluster.", schema: clusterSchema, etag: true },
      refusals: [clusterMissing, notNow],
    },
  },
  "/api/clusters/{id}/reactivate": {
    POST: {
      summary: "Reactivate a hibernated cluster",
      access: "operator",
      params: clusterIdParamsSchema,
      conditional: true,
      body: reactivateClusterRequestSchema,
      ok: { status: 200, description: "The active cluster.", schema: clusterSchema, etag: true },
      refusals: [clusterMissing, notNow],
      examples: () => ({ body: { target_workers: 3 } }),
    },
  },
  "/api/clusters/{id}/hierarchy": {
    GET: {
      summary: "The agent hierarchy",
      access: "viewer",
      params: clusterIdParamsSchema,
      ok: { status: 200, description: "The supervisor and every agent under it.", schema: clusterHierarchySchema },
      refusals: [clusterMissing],
    },
  },
  "/api/clusters/{id}/agents": {
    GET: {
      summary: "List a cluster's agents",
      access: "viewer",
      params: clusterIdParamsSchema,
      query: listAgentsQuerySchema,
      ok: { status: 200, description: "A page of agents.", schema: pageOf(agentSchema) },
      refusals: [clusterMissing],
    },
  },
  "/api/clusters/{id}/agents/{agentId}": {
    GET: {
      summary: "Get one agent",
      access: "viewer",
      params: agentParamsSchema,
      ok: { status: 200, description: "The agent.", schema: agentSchema },
      refusals: [{ status: 404, description: "No such cluster or agent." }],
    },
  },
  "/api/clusters/{id}/activity": {
    GET: {
      summary: "The cluster's timeline",
      access: "viewer",
      params: clusterIdParamsSchema,
      query: listActivityQuerySchema,
      ok: { status: 200, description: "A page of events, newest first.", schema: pageOf(clusterActivitySchema) },
      refusals: [clusterMissing],
    },
  },
} as const satisfies OperationTable;
