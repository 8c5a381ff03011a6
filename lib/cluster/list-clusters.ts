// listClusters and listAgents: filtered, paginated reads.
import type { Page } from "@/lib/blueprint/api-schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgentView, ClusterView, ListAgentsQuery, ListClustersQuery } from "./api-schema";
import { toAgentView, toClusterView } from "./cluster-record";
import { findClusterOrThrow } from "./cluster-store";
import { pageWindow, toPage } from "@/lib/pagination";

export async function listClusters(query: ListClustersQuery): Promise<Page<ClusterView>> {
  const where: Prisma.ClusterWhereInput = {
    status: query.status,
    type: query.type,
    blueprintId: query.blueprint_id,
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { description: { contains: query.q } }] } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.cluster.findMany({ where, orderBy: { createdAt: "desc" }, ...pageWindow(query) }),
    db.cluster.count({ where }),
  ]);
  return toPage(rows.map(toClusterView), total, query);
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
