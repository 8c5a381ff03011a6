// Every operation of the API with the zod schemas its route parses and answers with: the
// document's one table. The contract test (document.test.ts) fails when a route file exports a
// method this table does not describe, so the document cannot fall behind the routes.
import { z } from "zod";
import { auditEntrySchema, listAuditQuerySchema } from "@/lib/audit/api-schema";
import {
  createdTokenSchema,
  createTokenRequestSchema,
  createUserRequestSchema,
  listTokensQuerySchema,
  listUsersQuerySchema,
  meSchema,
  setupRequestSchema,
  tokenIdParamsSchema,
  tokenSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userSchema,
} from "@/lib/auth/api-schema";
import {
  autoscalerViewSchema,
  setAutoscalerPauseRequestSchema,
  workerHistoryQuerySchema,
  workerHistorySchema,
} from "@/lib/autoscaler/api-schema";
import {
  blueprintCheckSchema,
  blueprintDetailSchema,
  blueprintIdParamsSchema,
  blueprintSummarySchema,
  createBlueprintRequestSchema,
  getBlueprintQuerySchema,
  listBlueprintsQuerySchema,
  revisionDetailSchema,
  revisionParamsSchema,
  revisionSummarySchema,
  updateBlueprintRequestSchema,
  validateBlueprintRequestSchema,
} from "@/lib/blueprint/api-schema";
import {
  agentParamsSchema,
  agentSchema,
  clusterActivitySchema,
  clusterEventsQuerySchema,
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
import { ifMatchHeadersSchema } from "@/lib/http/etag";
import type { RouteAccess } from "@/lib/http/route";
import {
  aggregatedMetricSeriesSchema,
  ingestMetricsRequestSchema,
  metricsQuerySchema,
  rawMetricSeriesSchema,
} from "@/lib/metrics/api-schema";
import { acceptedMetricsSchema, pageOf, setupStateSchema } from "./response-schemas";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface Operation {
  method: HttpMethod;
  /** The OpenAPI path: Next's `[id]` is `{id}`, a catch-all `[...path]` is `{path}`. */
  path: string;
  summary: string;
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  ok: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; contentType?: string };
  /** A second success answer (a dry run's plan). */
  alsoOk?: { status: 200; description: string; schema: z.ZodType };
  /** Refusals the service itself gives, besides those the wrapper adds (400, 401, 403, 404, 413, 415, 429). */
  refusals?: Array<{ status: 404 | 409; description: string }>;
}

/** Writes that take If-Match (the document adds their 409 for an older revision). */
const conditional = { headers: ifMatchHeadersSchema };
const clusterMissing = { status: 404 as const, description: "No cluster with this id." };
const notNow = { status: 409 as const, description: "The cluster's status does not allow this action now." };

export const OPERATIONS: readonly Operation[] = [
  {
    method: "get",
    path: "/api/blueprints",
    summary: "List blueprints",
    access: "viewer",
    query: listBlueprintsQuerySchema,
    ok: { status: 200, description: "A page of blueprints.", schema: pageOf(blueprintSummarySchema) },
  },
  {
    method: "post",
    path: "/api/blueprints",
    summary: "Create a blueprint",
    access: "admin",
    body: createBlueprintRequestSchema,
    ok: { status: 201, description: "The blueprint, revision 1.", schema: blueprintDetailSchema },
    refusals: [{ status: 409, description: "A blueprint with this id exists." }],
  },
  {
    method: "get",
    path: "/api/blueprints/{id}",
    summary: "Get a blueprint",
    access: "viewer",
    params: blueprintIdParamsSchema,
    query: getBlueprintQuerySchema,
    ok: { status: 200, description: "The blueprint, with its YAML when include_yaml is true.", schema: blueprintDetailSchema },
  },
  {
    method: "put",
    path: "/api/blueprints/{id}",
    summary: "Update a blueprint (a new revision)",
    access: "admin",
    params: blueprintIdParamsSchema,
    ...conditional,
    body: updateBlueprintRequestSchema,
    ok: { status: 200, description: "The blueprint at its new revision.", schema: blueprintDetailSchema },
    refusals: [{ status: 409, description: "The new YAML's version is not higher." }],
  },
  {
    method: "get",
    path: "/api/blueprints/{id}/revisions",
    summary: "List a blueprint's revisions",
    access: "viewer",
    params: blueprintIdParamsSchema,
    ok: { status: 200, description: "Every revision, newest first.", schema: z.object({ items: z.array(revisionSummarySchema) }) },
  },
  {
    method: "get",
    path: "/api/blueprints/{id}/revisions/{revision}",
    summary: "Get one revision",
    access: "viewer",
    params: revisionParamsSchema,
    ok: { status: 200, description: "The revision with its YAML.", schema: revisionDetailSchema },
  },
  {
    method: "post",
    path: "/api/blueprints/{id}/revisions/{revision}/restore",
    summary: "Restore a revision as the newest",
    access: "admin",
    params: revisionParamsSchema,
    ...conditional,
    ok: { status: 200, description: "The blueprint at the restored revision.", schema: blueprintDetailSchema },
  },
  {
    method: "post",
    path: "/api/blueprints/validate",
    summary: "Validate blueprint YAML without saving",
    access: "viewer",
    body: validateBlueprintRequestSchema,
    ok: { status: 200, description: "Every finding with line and column, and the spawn plan when valid.", schema: blueprintCheckSchema },
  },

  {
    method: "get",
    path: "/api/clusters",
    summary: "List clusters",
    access: "viewer",
    query: listClustersQuerySchema,
    ok: { status: 200, description: "A page of clusters.", schema: pageOf(clusterSchema) },
  },
  {
    method: "post",
    path: "/api/clusters",
    summary: "Create a cluster (or plan one with dry_run=true)",
    access: "operator",
    query: createClusterQuerySchema,
    body: createClusterRequestSchema,
    ok: { status: 201, description: "The running cluster.", schema: clusterSchema },
    alsoOk: {
      status: 200,
      description: "dry_run=true: the findings and the spawn plan; nothing is created.",
      schema: blueprintCheckSchema,
    },
    refusals: [
      { status: 404, description: "No blueprint with this id." },
      { status: 409, description: "The blueprint is deactivated." },
    ],
  },
  {
    method: "get",
    path: "/api/clusters/{id}",
    summary: "Get a cluster",
    access: "viewer",
    params: clusterIdParamsSchema,
    ok: { status: 200, description: "The cluster; ETag carries its revision.", schema: clusterSchema },
    refusals: [clusterMissing],
  },
  {
    method: "put",
    path: "/api/clusters/{id}",
    summary: "Edit a cluster's name, description and limits",
    access: "operator",
    params: clusterIdParamsSchema,
    ...conditional,
    body: updateClusterRequestSchema,
    ok: { status: 200, description: "The cluster.", schema: clusterSchema },
    refusals: [clusterMissing, notNow],
  },
  {
    method: "delete",
    path: "/api/clusters/{id}",
    summary: "Delete a cluster and its agents",
    access: "operator",
    params: clusterIdParamsSchema,
    ...conditional,
    ok: { status: 204, description: "Deleted." },
    refusals: [clusterMissing, notNow],
  },
  {
    method: "post",
    path: "/api/clusters/{id}/scale",
    summary: "Scale the workers",
    access: "operator",
    params: clusterIdParamsSchema,
    ...conditional,
    body: scaleClusterRequestSchema,
    ok: { status: 200, description: "The cluster at its new size.", schema: clusterSchema },
    refusals: [clusterMissing, notNow],
  },
  {
    method: "post",
    path: "/api/clusters/{id}/hibernate",
    summary: "Hibernate a cluster",
    access: "operator",
    params: clusterIdParamsSchema,
    ...conditional,
    ok: { status: 200, description: "The hibernated cluster.", schema: clusterSchema },
    refusals: [clusterMissing, notNow],
  },
  {
    method: "post",
    path: "/api/clusters/{id}/reactivate",
    summary: "Reactivate a hibernated cluster",
    access: "operator",
    params: clusterIdParamsSchema,
    ...conditional,
    body: reactivateClusterRequestSchema,
    ok: { status: 200, description: "The active cluster.", schema: clusterSchema },
    refusals: [clusterMissing, notNow],
  },
  {
    method: "get",
    path: "/api/clusters/{id}/hierarchy",
    summary: "The agent hierarchy",
    access: "viewer",
    params: clusterIdParamsSchema,
    ok: { status: 200, description: "The supervisor and every agent under it.", schema: clusterHierarchySchema },
    refusals: [clusterMissing],
  },
  {
    method: "get",
    path: "/api/clusters/{id}/agents",
    summary: "List a cluster's agents",
    access: "viewer",
    params: clusterIdParamsSchema,
    query: listAgentsQuerySchema,
    ok: { status: 200, description: "A page of agents.", schema: pageOf(agentSchema) },
    refusals: [clusterMissing],
  },
  {
    method: "get",
    path: "/api/clusters/{id}/agents/{agentId}",
    summary: "Get one agent",
    access: "viewer",
    params: agentParamsSchema,
    ok: { status: 200, description: "The agent.", schema: agentSchema },
    refusals: [{ status: 404, description: "No such cluster or agent." }],
  },
  {
    method: "get",
    path: "/api/clusters/{id}/activity",
    summary: "The cluster's timeline",
    access: "viewer",
    params: clusterIdParamsSchema,
    query: listActivityQuerySchema,
    ok: { status: 200, description: "A page of events, newest first.", schema: pageOf(clusterActivitySchema) },
    refusals: [clusterMissing],
  },
  {
    method: "get",
    path: "/api/clusters/{id}/metrics",
    summary: "Read a metric",
    access: "viewer",
    params: clusterIdParamsSchema,
    query: metricsQuerySchema,
    ok: {
      status: 200,
      description: "Raw points, or aggregates per step.",
      schema: z.union([rawMetricSeriesSchema, aggregatedMetricSeriesSchema]),
    },
    refusals: [clusterMissing],
  },
  {
    method: "post",
    path: "/api/clusters/{id}/metrics",
    summary: "Record metric points (up to 1,000)",
    access: "operator",
    params: clusterIdParamsSchema,
    body: ingestMetricsRequestSchema,
    ok: { status: 202, description: "Stored; a bad batch stores nothing.", schema: acceptedMetricsSchema },
    refusals: [clusterMissing],
  },
  {
    method: "get",
    path: "/api/clusters/{id}/autoscaler",
    summary: "The autoscaler's view of a cluster",
    access: "viewer",
    params: clusterIdParamsSchema,
    ok: { status: 200, description: "Policy, pause, recommendation and decisions.", schema: autoscalerViewSchema },
    refusals: [clusterMissing],
  },
  {
    method: "put",
    path: "/api/clusters/{id}/autoscaler",
    summary: "Pause or resume the autoscaler",
    access: "operator",
    params: clusterIdParamsSchema,
    body: setAutoscalerPauseRequestSchema,
    ok: { status: 200, description: "The autoscaler's view.", schema: autoscalerViewSchema },
    refusals: [clusterMissing],
  },
  {
    method: "get",
    path: "/api/clusters/worker-history",
    summary: "Active workers per minute of many clusters",
    access: "viewer",
    query: workerHistoryQuerySchema,
    ok: { status: 200, description: "One series per cluster id.", schema: workerHistorySchema },
  },
  {
    method: "get",
    path: "/api/events",
    summary: "Live cluster changes (Server-Sent Events)",
    access: "viewer",
    query: clusterEventsQuerySchema,
    ok: {
      status: 200,
      description: "event: cluster | cluster-deleted | reset, resumable with Last-Event-ID.",
      contentType: "text/event-stream",
      schema: z.string(),
    },
  },
  {
    method: "get",
    path: "/api/metrics",
    summary: "The console's own metrics (Prometheus)",
    access: "viewer",
    ok: { status: 200, description: "Prometheus text exposition.", contentType: "text/plain", schema: z.string() },
  },

  {
    method: "get",
    path: "/api/me",
    summary: "Who is calling",
    access: "viewer",
    ok: { status: 200, description: "The caller and their role.", schema: meSchema },
  },
  {
    method: "get",
    path: "/api/users",
    summary: "List users",
    access: "admin",
    query: listUsersQuerySchema,
    ok: { status: 200, description: "A page of users.", schema: pageOf(userSchema) },
  },
  {
    method: "post",
    path: "/api/users",
    summary: "Create a user",
    access: "admin",
    body: createUserRequestSchema,
    ok: { status: 201, description: "The user.", schema: userSchema },
    refusals: [{ status: 409, description: "The email is taken." }],
  },
  {
    method: "patch",
    path: "/api/users/{id}",
    summary: "Change a user's role or disable them",
    access: "admin",
    params: userIdParamsSchema,
    body: updateUserRequestSchema,
    ok: { status: 200, description: "The user.", schema: userSchema },
    refusals: [
      { status: 404, description: "No such user." },
      { status: 409, description: "The last enabled admin must stay one." },
    ],
  },
  {
    method: "get",
    path: "/api/tokens",
    summary: "List API tokens",
    access: "viewer",
    query: listTokensQuerySchema,
    ok: {
      status: 200,
      description: "The caller's tokens (everyone's for an admin with all=true).",
      schema: z.object({ items: z.array(tokenSchema) }),
    },
  },
  {
    method: "post",
    path: "/api/tokens",
    summary: "Create an API token",
    access: "viewer",
    body: createTokenRequestSchema,
    ok: { status: 201, description: "The token, with its secret shown this once.", schema: createdTokenSchema },
  },
  {
    method: "delete",
    path: "/api/tokens/{id}",
    summary: "Revoke an API token",
    access: "viewer",
    params: tokenIdParamsSchema,
    ok: { status: 200, description: "The revoked token.", schema: tokenSchema },
    refusals: [{ status: 404, description: "No such token of the caller's." }],
  },
  {
    method: "get",
    path: "/api/audit",
    summary: "The audit log",
    access: "admin",
    query: listAuditQuerySchema,
    ok: { status: 200, description: "A page of audit lines, newest first.", schema: pageOf(auditEntrySchema) },
  },
  {
    method: "get",
    path: "/api/setup",
    summary: "Whether the first admin still has to be created",
    access: "public",
    ok: { status: 200, description: "needs_setup.", schema: setupStateSchema },
  },
  {
    method: "post",
    path: "/api/setup",
    summary: "Create the first admin",
    access: "public",
    body: setupRequestSchema,
    ok: { status: 201, description: "The admin.", schema: userSchema },
    refusals: [{ status: 409, description: "An admin exists already." }],
  },

  {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    access: "public",
    ok: { status: 200, description: "The OpenAPI 3.1 document.", schema: z.looseObject({ openapi: z.string() }) },
  },

  // next-auth's own endpoints (sign-in form, session, CSRF token, sign-out) and the 404 for every other path.
  {
    method: "get",
    path: "/api/auth/{nextauth}",
    summary: "next-auth: providers, session, CSRF token",
    access: "public",
    ok: { status: 200, description: "next-auth's answer.", schema: z.looseObject({}) },
  },
  {
    method: "post",
    path: "/api/auth/{nextauth}",
    summary: "next-auth: sign in with email and password, sign out",
    access: "public",
    ok: { status: 200, description: "next-auth's answer (browsers get a redirect).", schema: z.looseObject({}) },
  },
  ...(["get", "post", "put", "patch", "delete"] as const).map((method): Operation => ({
    method,
    path: "/api/{path}",
    summary: "Any other path",
    access: "public",
    ok: { status: 204, description: "Never: every other path answers 404." },
    refusals: [{ status: 404, description: "No such route." }],
  })),
];
