"use client";
// The cards of the hierarchy graph: one agent (colored by role, status in words, a busy marker
// while it runs tasks) or a collapsed worker group (size, status breakdown, how many are busy). Their buttons reach the graph through a context,
// which keeps the node objects, and so the memoized cards, unchanged between renders.
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { createContext, memo, use } from "react";
import { BusyMarker } from "./agent-work";
import { type AgentCardData, COLLAPSE_BUTTON_HEIGHT, type GroupCardData } from "./build-hierarchy-graph";

export type AgentFlowNode = Node<AgentCardData, "agent">;
export type GroupFlowNode = Node<GroupCardData, "workerGroup">;
export type HierarchyFlowNode = AgentFlowNode | GroupFlowNode;

export interface HierarchyActions {
  showAgent: (agentId: string) => void;
  toggleGroup: (groupId: string) => void;
}

export const HierarchyActionsContext = createContext<HierarchyActions | null>(null);

function useHierarchyActions(): HierarchyActions {
  const actions = use(HierarchyActionsContext);
  if (actions === null) throw new Error("hierarchy cards need a HierarchyActionsContext provider");
  return actions;
}

const ROLE_STYLE: Record<string, string> = {
  supervisor: "border-indigo-400 bg-indigo-50",
  lead: "border-sky-400 bg-sky-50",
  specialist: "border-emerald-400 bg-emerald-50",
  worker: "border-slate-300 bg-white",
};

const ROLE_FILL: Record<string, string> = { supervisor: "#818cf8", lead: "#38bdf8", specialist: "#34d399", worker: "#94a3b8" };

/** A symbol per status so it never depends on color alone; the word is always written beside it. */
const STATUS_LOOK: Record<string, { symbol: string; tone: string }> = {
  active: { symbol: "●", tone: "text-emerald-700" },
  starting: { symbol: "◔", tone: "text-sky-700" },
  hibernated: { symbol: "☾", tone: "text-indigo-700" },
  failed: { symbol: "✕", tone: "text-red-700" },
  inactive: { symbol: "○", tone: "text-slate-600" },
  stopped: { symbol: "■", tone: "text-slate-600" },
};

export function StatusLabel({ status }: { status: string }) {
  const look = STATUS_LOOK[status] ?? { symbol: "•", tone: "text-slate-600" };
  return (
    <span className={`inline-flex items-center gap-1 font-medium ${look.tone}`}>
      <span aria-hidden>{look.symbol}</span>
      {status}
    </span>
  );
}

export function miniMapNodeColor(node: HierarchyFlowNode): string {
  return ROLE_FILL[node.type === "agent" ? node.data.role : "worker"] ?? ROLE_FILL.worker!;
}

// React Flow turns pointer events off on nodes that are neither selectable nor draggable, so each
// card turns them back on (pointer-events-auto) for its buttons. The buttons take their names from
// the words on the card, so someone who says or reads out what they see names the button (WCAG 2.5.3).
const cardButtonClass = "w-full text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-inset";

const AgentCard = memo(function AgentCard({ data, selected }: NodeProps<AgentFlowNode>) {
  const { showAgent, toggleGroup } = useHierarchyActions();
  // A hibernated agent is still part of the team, drawn dashed as well as labelled.
  const border = data.status === "hibernated" ? "border-dashed" : "";
  return (
    <div
      className={`pointer-events-auto flex h-full flex-col overflow-hidden rounded-md border-2 text-xs shadow-sm ${ROLE_STYLE[data.role] ?? ROLE_STYLE.worker} ${border} ${selected ? "ring-2 ring-brand ring-offset-2" : ""}`}
    >
      <Handle type="target" position={Position.Top} />
      <button
        type="button"
        data-testid={`agent-node-${data.name}`}
        data-status={data.status}
        data-role={data.role}
        data-running-tasks={data.runningTasks}
        aria-current={selected ? "true" : undefined}
        onClick={() => showAgent(data.agentId)}
        className={`${cardButtonClass} min-h-0 flex-1 px-3 py-1.5`}
      >
        <span className="block truncate text-sm font-semibold text-slate-900">{data.name}</span>
        <span className="block truncate text-slate-600">
          {data.role} · {data.definition}
        </span>
        <span className="flex items-center gap-2">
          <StatusLabel status={data.status} />
          {data.runningTasks > 0 ? <BusyMarker runningTasks={data.runningTasks} /> : null}
        </span>
        <span className="sr-only">, show details</span>
      </button>
      {data.collapsibleGroups.map((group) => (
        <button
          key={group.groupId}
          type="button"
          onClick={() => toggleGroup(group.groupId)}
          className={`${cardButtonClass} shrink-0 truncate border-t border-slate-200 bg-white/70 px-3 text-slate-700 hover:bg-white`}
          style={{ height: COLLAPSE_BUTTON_HEIGHT }}
        >
          <span aria-hidden>▴ </span>Collapse {group.label}
        </button>
      ))}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

const GroupCard = memo(function GroupCard({ data }: NodeProps<GroupFlowNode>) {
  const { toggleGroup } = useHierarchyActions();
  return (
    <div className="pointer-events-auto h-full">
      <Handle type="target" position={Position.Top} />
      <button
        type="button"
        data-testid={`group-node-${data.definition}`}
        data-group-id={data.groupId}
        data-count={data.count}
        data-status={data.statusSummary}
        data-busy={data.busyCount}
        data-running-tasks={data.runningTasks}
        onClick={() => toggleGroup(data.groupId)}
        // The offset second border reads as a stack of cards: several workers behind one.
        className={`${cardButtonClass} h-full rounded-md border-2 border-slate-300 bg-white px-3 py-1.5 text-xs shadow-[4px_4px_0_-2px_white,4px_4px_0_0_#cbd5e1] hover:bg-slate-50`}
      >
        <span className="block truncate text-sm font-semibold text-slate-900">{data.label}</span>
        <span className="block truncate text-slate-700" title={data.statusSummary}>
          {data.statusSummary}
        </span>
        <span className={`block truncate ${data.busyCount > 0 ? "font-medium text-amber-900" : "text-slate-600"}`}>
          {data.busyCount > 0 ? <span aria-hidden>▶ </span> : null}
          {data.taskSummary}
        </span>
        <span className="block text-slate-500">
          <span aria-hidden>▾ </span>Show {data.count} workers
        </span>
      </button>
    </div>
  );
});

// Module scope keeps the object stable across renders, as React Flow asks. Not "group": React Flow
// styles that built-in type with padding and a border, which pushed "Show N workers" off the card.
export const nodeTypes = { agent: AgentCard, workerGroup: GroupCard };
