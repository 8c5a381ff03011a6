// listClusters, findClusterViews, listAgents, getAgent and listActivity: the cluster reads besides the hierarchy.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgentView, ClusterActivity, ClusterView, ListActivityQuery, ListAgentsQuery, ListClustersQuery } from "./api-schema";
import { CLUSTER_VIEW_INCLUDE, toActivityView, toAgentView, toClusterViewWithBlueprint } from "./cluster-record";
import { findClusterOrThrow } from "./cluster-store";
import { NotFoundError } from "@/lib/errors";
import { type Page, pageWindow, toPage } from "@/lib/shapes/pagination";

export async function listClusters(query: ListClustersQuery): Promise<Page<ClusterView>> {
  const where: Prisma.ClusterWhereInput = {
    status: query.status,
    type: query.type,
    blueprintId: query.blueprint_id,
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { description: { contains: query.q } }] } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.cluster.findMany({ where, orderBy: { createdAt: "desc" }, include: CLUSTER_VIEW_INCLUDE, ...pageWindow(query) }),
    db.cluster.count({ where }),
  ]);
  return toPage(rows.map(toClusterViewWithBlueprint), total, query);
}

/** The current views of the clusters that still exist among `ids`. */
export async function findClusterViews(ids: readonly string[]): Promise<ClusterView[]> {
  const rows = await db.cluster.findMany({ where: { id: { in: [...ids] } }, include: CLUSTER_VIEW_INCLUDE });
  return rows.map(toClusterViewWithBlueprint);
}

export async function listAgents(clusterId: string, query: ListAgentsQuery): Promise<Page<AgentView>> {
  await findClusterOrThrow(clusterId);
  const where: Prisma.AgentWhereInput = { clusterId, role: query.role, status: query.status };
  const [rows, total] = await db.$transaction([
    db.agent.findMany({ where, orderBy: [{ definition: "asc" }, { ordinal: "asc" }], ...pageWindow(query) }),
    db.agent.count({ where }),
  ]);
  return toPage(rows.map(toAgentView), total, query);
}

export async function getAgent(clusterId: string, agentId: string): Promise<AgentView> {
  const row = await db.agent.findFirst({ where: { id: agentId, clusterId } });
  if (!row) {
    await findClusterOrThrow(clusterId);
    throw new NotFoundError("agent", agentId);
  }
  return toAgentView(row);
}

/** The cluster's timeline, newest first: who scaled what when, status changes, failures. */
export async function listActivity(clusterId: string, query: ListActivityQuery): Promise<Page<ClusterActivity>> {
  await findClusterOrThrow(clusterId);
  const [rows, total] = await db.$transaction([
    db.clusterEvent.findMany({ where: { clusterId }, orderBy: { id: "desc" }, ...pageWindow(query) }),
    db.clusterEvent.count({ where: { clusterId } }),
  ]);
  return toPage(rows.map(toActivityView), total, query);
}
