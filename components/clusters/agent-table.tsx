"use client";
// The cluster's agents, filtered by role and status, a page at a time, each busy (with its current
// task) or idle.
import { useState } from "react";
import { AgentWork } from "@/components/cluster-hierarchy/agent-work";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { FilterSelect } from "@/components/ui/list-filters";
import { AGENT_ROLES, type AgentRole } from "@/lib/blueprint/schema";
import { useClusterAgents } from "@/lib/client/cluster-hooks";
import { AGENT_STATUSES, type AgentStatus } from "@/lib/cluster/api-schema";

export function AgentTable({ clusterId }: { clusterId: string }) {
  const [role, setRole] = useState<AgentRole | "">("");
  const [status, setStatus] = useState<AgentStatus | "">("");
  const [page, setPage] = useState(1);
  const agents = useClusterAgents(clusterId, { role: role || undefined, status: status || undefined, page });

  return (
    <section aria-labelledby="agents-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="agents-heading" className="flex-1 text-lg font-semibold">
          Agents {agents.data ? <span className="text-sm font-normal text-slate-600">({agents.data.total})</span> : null}
        </h2>
        <FilterSelect label="Role" value={role} options={AGENT_ROLES} onChange={(value) => (setRole(value), setPage(1))} />
        <FilterSelect label="Agent status" value={status} options={AGENT_STATUSES} onChange={(value) => (setStatus(value), setPage(1))} />
      </div>
      {agents.data === undefined ? (
        agents.isError ? (
          <ErrorPanel title="The agents could not be loaded" error={agents.error} onRetry={() => void agents.refetch()} />
        ) : (
          <LoadingPanel label="Loading the agents…" />
        )
      ) : agents.data.items.length === 0 ? (
        <EmptyPanel title={role || status ? "No agent matches these filters" : "This cluster has no agents"} />
      ) : (
        <>
          <DataTable label="Agents" columns={["Name", "Role", "Definition", "Status", "Work", "Capabilities", "Since"]}>
            {agents.data.items.map((agent) => (
              <tr key={agent.agent_id} data-testid={`agent-row-${agent.name}`}>
                <td className="px-4 py-2 font-medium">{agent.name}</td>
                <td className="px-4 py-2">{agent.role}</td>
                <td className="px-4 py-2 text-slate-600">{agent.definition}</td>
                <td className="px-4 py-2">{agent.status}</td>
                <td className="px-4 py-2">
                  <AgentWork agent={agent} />
                </td>
                <td className="px-4 py-2 text-slate-600">{agent.capabilities.join(", ") || "none"}</td>
                <td className="px-4 py-2 text-slate-600">
                  <LocalTime iso={agent.updated_at} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager page={page} pageSize={agents.data.page_size} total={agents.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
