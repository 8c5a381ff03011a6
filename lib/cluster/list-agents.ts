// listAgents: a cluster's agents by definition and ordinal, filtered by role or status, a page at a time.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Page, pageWindow, toPage } from "@/lib/shapes/pagination";
import type { AgentView, ListAgentsQuery } from "./api-schema";
import { toAgentView } from "./cluster-record";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { agentTaskActivity } from "./task-activity";

export async function listAgents(clusterId: string, query: ListAgentsQuery): Promise<Page<AgentView>> {
  await findClusterOrThrow(clusterId);
  const where: Prisma.AgentWhereInput = { clusterId, role: query.role, status: query.status };
  const [rows, total] = await db.$transaction([
    db.agent.findMany({ where, orderBy: [{ definition: "asc" }, { ordinal: "asc" }], ...pageWindow(query) }),
    db.agent.count({ where }),
  ]);
  const activity = await agentTaskActivity(
    clusterId,
    rows.map((row) => row.id),
  );
  return toPage(
    rows.map((row) => toAgentView(row, activity.get(row.id))),
    total,
    query,
  );
}
