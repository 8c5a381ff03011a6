// listClusters and listAgents: filtered, paginated reads.
import type { Page } from "@/lib/blueprint/api-schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgentView, ClusterView, ListAgentsQuery, ListClustersQuery } from "./api-schema";
import { toAgentView, toClusterView } from "./cluster-record";
import { findClusterOrThrow } from "./cluster-store";

export async function listClusters(query: ListClustersQuery): Promise<Page<ClusterView>> {
  const where: Prisma.ClusterWhereInput = {
    status: query.status,
    type: query.type,
    blueprintId: query.blueprint_id,
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { description: { contains: query.q } }] } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.cluster.findMany({ where, orderBy: { createdAt: "desc" }, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    db.cluster.count({ where }),
  ]);
  return { items: rows.map(toClusterView), total, page: query.page, page_size: query.page_size };
}

export async function listAgents(clusterId: string, query: ListAgentsQuery): Promise<Page<AgentView>> {
  await findClusterOrThrow(clusterId);
  const where: Prisma.AgentWhereInput = { clusterId, role: query.role, status: query.status };
  const [rows, total] = await db.$transaction([
    db.agent.findMany({ where, orderBy: [{ definition: "asc" }, { ordinal: "asc" }], skip: (query.page - 1) * query.page_size, take: query.page_size }),
    db.agent.count({ where }),
  ]);
  return { items: rows.map(toAgentView), total, page: query.page, page_size: query.page_size };
}
