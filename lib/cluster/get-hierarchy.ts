// getHierarchy: the running team as a tree under its supervisor, built in one query and one pass.
import { db } from "@/lib/db";
import type { ClusterHierarchy, HierarchyNode } from "./api-schema";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { agentTaskActivity } from "./task-activity";

/** Agents that are not part of the team right now. */
const OUTSIDE_THE_TEAM = ["inactive", "stopped"];

export async function getHierarchy(id: string): Promise<ClusterHierarchy> {
  const cluster = await findClusterOrThrow(id);
  const agents = await db.agent.findMany({
    where: { clusterId: id, status: { notIn: OUTSIDE_THE_TEAM } },
    select: { id: true, name: true, definition: true, role: true, status: true, supervisorId: true },
    orderBy: [{ definition: "asc" }, { ordinal: "asc" }],
  });
  const activity = await agentTaskActivity(id);
  const nodes = new Map<string, HierarchyNode>(
    agents.map((agent) => [
      agent.id,
      {
        agent_id: agent.id,
        name: agent.name,
        definition: agent.definition,
        role: agent.role,
        status: agent.status,
        running_tasks: activity.get(agent.id)?.running ?? 0,
        subordinates: [],
      },
    ]),
  );
  let supervisor: HierarchyNode | null = null;
  for (const agent of agents) {
    const node = nodes.get(agent.id)!;
    if (agent.supervisorId === null) supervisor = node;
    else nodes.get(agent.supervisorId)?.subordinates.push(node);
  }
  return { cluster_id: cluster.id, cluster_name: cluster.name, total_agents: agents.length, supervisor };
}
