"use client";
// The side panel beside the hierarchy graph: one agent's details and work, fetched when it opens.
import { useEffect, useId, useRef } from "react";
import { buttonClass } from "@/components/ui/control-classes";
import { Fact } from "@/components/ui/fact";
import { LocalTime } from "@/components/ui/local-time";
import { ErrorPanel, LoadingPanel, Tag } from "@/components/ui/status-panels";
import { useClusterAgent } from "@/lib/client/cluster-hooks";
import type { AgentView } from "@/lib/cluster/api-schema";
import { StatusLabel } from "./agent-node";
import { AgentWork } from "./agent-work";

export function AgentDetailsPanel({
  clusterId,
  agentId,
  agentNames,
  onClose,
}: {
  clusterId: string;
  agentId: string;
  /** Names of the agents in the hierarchy, to name the supervisor instead of showing its id. */
  agentNames: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const agent = useClusterAgent(clusterId, agentId);

  // Focus moves to the panel so a screen reader announces which agent it shows.
  useEffect(() => headingRef.current?.focus(), [agentId]);

  // Escape closes the panel wherever the focus is, in the panel or still on the graph.
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [onClose]);

  return (
    <aside
      aria-labelledby={headingId}
      data-testid="agent-details"
      className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white"
    >
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 p-3">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="truncate text-base font-semibold focus:outline-none">
          {agentNames.get(agentId) ?? agent.data?.name ?? "Agent"}
        </h3>
        <button type="button" onClick={onClose} className={buttonClass}>
          Close
        </button>
      </header>
      {/* Focusable, so that a keyboard alone can scroll a long config; named after the agent it shows. */}
      <div
        role="region"
        aria-labelledby={headingId}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto p-3 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-inset"
      >
        {agent.data !== undefined ? (
          <AgentFacts
            agent={agent.data}
            supervisorName={
              agent.data.supervisor_id === null ? null : (agentNames.get(agent.data.supervisor_id) ?? agent.data.supervisor_id)
            }
          />
        ) : agent.isError ? (
          <ErrorPanel title="The agent could not be loaded" error={agent.error} onRetry={() => void agent.refetch()} />
        ) : (
          <LoadingPanel label="Loading the agent…" />
        )}
      </div>
    </aside>
  );
}

function AgentFacts({ agent, supervisorName }: { agent: AgentView; supervisorName: string | null }) {
  const hasConfig = Object.keys(agent.config).length > 0;
  return (
    <dl className="space-y-3">
      <Fact term="Status">
        <StatusLabel status={agent.status} />
      </Fact>
      <Fact term="Work">
        <AgentWork agent={agent} />
      </Fact>
      <Fact term="Role">{agent.role}</Fact>
      <Fact term="Definition">{agent.definition}</Fact>
      <Fact term="Reports to">{supervisorName ?? "no one: it leads the cluster"}</Fact>
      <Fact term="Capabilities">
        <TagList items={agent.capabilities} />
      </Fact>
      <Fact term="Skills">
        <TagList items={agent.skills} />
      </Fact>
      <Fact term="Config">
        {hasConfig ? (
          <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(agent.config, null, 2)}</pre>
        ) : (
          "none"
        )}
      </Fact>
      <Fact term="Created">
        <LocalTime iso={agent.created_at} />
      </Fact>
      <Fact term="Updated">
        <LocalTime iso={agent.updated_at} />
      </Fact>
      <Fact term="Agent ID">
        <span className="font-mono text-xs break-all">{agent.agent_id}</span>
      </Fact>
    </dl>
  );
}

function TagList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return "none";
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => (
        <li key={item}>
          <Tag>{item}</Tag>
        </li>
      ))}
    </ul>
  );
}
