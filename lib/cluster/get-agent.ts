// getAgent: one agent of a cluster; NotFoundError names the cluster when that is what is missing.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { AgentView } from "./api-schema";
import { toAgentView } from "./cluster-record";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { agentTaskActivity } from "./task-activity";

export async function getAgent(clusterId: string, agentId: string): Promise<AgentView> {
  const row = await db.agent.findFirst({ where: { id: agentId, clusterId } });
  if (!row) {
    await findClusterOrThrow(clusterId);
    throw new NotFoundError("agent", agentId);
  }
  const activity = await agentTaskActivity(clusterId, [agentId]);
  return toAgentView(row, activity.get(agentId));
}
