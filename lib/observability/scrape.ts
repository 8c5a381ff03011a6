// The Prometheus exposition: the counters kept in memory plus clusters and agents by status,
// counted from the database at scrape time (so every instance reports the same, current numbers),
// and the agents this instance's local driver runs (its own).
import { register } from "prom-client";
import { CLUSTER_STATUSES } from "@/lib/cluster/state-machine";
import { db } from "@/lib/db";
import { getAgentRuntime } from "@/lib/runtime/runtime";
import { agentsByStatus, clustersByStatus, localAgentsByState } from "./prometheus";

export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const [clusters, agents] = await Promise.all([
    db.cluster.groupBy({ by: ["status"], _count: { _all: true } }),
    db.agent.groupBy({ by: ["role", "status"], _count: { _all: true } }),
  ]);
  clustersByStatus.reset();
  for (const status of CLUSTER_STATUSES) clustersByStatus.set({ status }, 0);
  for (const row of clusters) clustersByStatus.set({ status: row.status }, row._count._all);
  agentsByStatus.reset();
  for (const row of agents) agentsByStatus.set({ status: row.status, role: row.role }, row._count._all);
  const local = getAgentRuntime().localAgents();
  for (const state of ["running", "hibernated"] as const)
    localAgentsByState.set({ state }, local.filter((agent) => agent.status === state).length);
  return { body: await register.metrics(), contentType: register.contentType };
}
