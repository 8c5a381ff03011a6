"use client";
// The cluster's agents, filtered by role and status, a page at a time.
import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { AGENT_ROLES } from "@/lib/blueprint/schema";
import { useClusterAgents } from "@/lib/client/cluster-hooks";
import { AGENT_STATUSES } from "@/lib/cluster/api-schema";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand";

export function AgentTable({ clusterId }: { clusterId: string }) {
  const [role, setRole] = useState("");
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const agents = useClusterAgents(clusterId, { role: role || undefined, status: status || undefined, page });

  return (
    <section aria-labelledby="agents-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="agents-heading" className="flex-1 text-lg font-semibold">
          Agents {agents.data ? <span className="text-sm font-normal text-slate-600">({agents.data.total})</span> : null}
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Role
          <select className={selectClass} value={role} onChange={(event) => (setRole(event.target.value), setPage(1))}>
            <option value="">any</option>
            {AGENT_ROLES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Agent status
          <select className={selectClass} value={status} onChange={(event) => (setStatus(event.target.value), setPage(1))}>
            <option value="">any</option>
            {AGENT_STATUSES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      {agents.isPending ? (
        <LoadingPanel label="Loading the agents…" />
      ) : agents.isError ? (
        <ErrorPanel title="The agents could not be loaded" error={agents.error} onRetry={() => void agents.refetch()} />
      ) : agents.data.items.length === 0 ? (
        <EmptyPanel title={role || status ? "No agent matches these filters" : "This cluster has no agents"} />
      ) : (
        <>
          <DataTable label="Agents" columns={["Name", "Role", "Definition", "Status", "Capabilities", "Since"]}>
            {agents.data.items.map((agent) => (
              <tr key={agent.agent_id}>
                <td className="px-4 py-2 font-medium">{agent.name}</td>
                <td className="px-4 py-2">{agent.role}</td>
                <td className="px-4 py-2 text-slate-600">{agent.definition}</td>
                <td className="px-4 py-2">{agent.status}</td>
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
