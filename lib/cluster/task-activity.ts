// What the clusters' tasks say about their clusters and agents right now: waiting and running
// counts per cluster (the clusters list), and which agents are busy with what (agent views and
// the hierarchy). Read from the tasks table, so every console instance sees the same.
import { db } from "@/lib/db";

export interface ClusterTaskCounts {
  /** Waiting for an agent: queued, or failed and waiting out the backoff before its next attempt. */
  queued: number;
  running: number;
}

export interface AgentTaskActivity {
  running: number;
  /** The task the agent started most recently among those it runs. */
  currentTaskId: string;
}

export async function taskCountsByCluster(clusterIds: readonly string[]): Promise<Map<string, ClusterTaskCounts>> {
  const counts = new Map(clusterIds.map((id): [string, ClusterTaskCounts] => [id, { queued: 0, running: 0 }]));
  if (clusterIds.length === 0) return counts;
  const groups = await db.task.groupBy({
    by: ["clusterId", "status"],
    where: { clusterId: { in: [...clusterIds] }, status: { in: ["queued", "failed", "running"] } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const entry = counts.get(group.clusterId)!;
    if (group.status === "running") entry.running += group._count._all;
    else entry.queued += group._count._all;
  }
  return counts;
}

export async function agentTaskActivity(clusterId: string, agentIds?: readonly string[]): Promise<Map<string, AgentTaskActivity>> {
  const running = await db.task.findMany({
    where: { clusterId, status: "running", agentId: agentIds ? { in: [...agentIds] } : { not: null } },
    select: { id: true, agentId: true, startedAt: true },
    orderBy: { startedAt: "asc" },
  });
  const activity = new Map<string, AgentTaskActivity>();
  for (const task of running) {
    const entry = activity.get(task.agentId!);
    if (entry) {
      entry.running += 1;
      entry.currentTaskId = task.id;
    } else activity.set(task.agentId!, { running: 1, currentTaskId: task.id });
  }
  return activity;
}
