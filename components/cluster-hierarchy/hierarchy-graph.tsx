"use client";
// A running cluster's agent hierarchy as a React Flow graph: worker groups collapsed into one node
// until expanded, a search that reveals an agent, and a side panel with the chosen agent's details.
import {
  Background,
  Controls,
  type Edge,
  getNodesBounds,
  getViewportForBounds,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { buttonClass } from "@/components/ui/control-classes";
import { EmptyPanel } from "@/components/ui/status-panels";
import type { ClusterHierarchy } from "@/lib/cluster/api-schema";
import { AgentDetailsPanel } from "./agent-details-panel";
import { type HierarchyActions, HierarchyActionsContext, type HierarchyFlowNode, miniMapNodeColor, nodeTypes } from "./agent-node";
import {
  type AgentMatch,
  agentNamesById,
  agentNodeId,
  buildHierarchyGraph,
  findAgents,
  type HierarchyGraph,
  type HierarchyGraphNode,
  listWorkerGroups,
} from "./build-hierarchy-graph";

// includeHiddenNodes: fit by the declared sizes, since cards outside the view are never rendered or measured.
const FIT_VIEW_OPTIONS = { maxZoom: 1, includeHiddenNodes: true };
const PRO_OPTIONS = { hideAttribution: true };
/** The zoom a found agent is shown at, unless the user is already closer. */
const READABLE_ZOOM = 1;
const MATCHES_LISTED = 20;
const MIN_ZOOM = 0.05;
/**
 * Cards outside the view are left out only for big graphs, where drawing them all is what costs
 * (a thousand agents); a small team is drawn whole, so no card is ever missing at the edges.
 */
const CULL_ABOVE_NODES = 200;

/** Fills its container, which needs a height (the graph is as tall as what is left under the toolbar). */
export function HierarchyGraph({ clusterId, hierarchy }: { clusterId: string; hierarchy: ClusterHierarchy }) {
  if (hierarchy.supervisor === null) {
    return (
      <div className="p-4">
        <EmptyPanel title="No agents are running in this cluster.">
          Agents appear here once the cluster is spawned or reactivated.
        </EmptyPanel>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <HierarchyExplorer clusterId={clusterId} hierarchy={hierarchy} />
    </ReactFlowProvider>
  );
}

function HierarchyExplorer({ clusterId, hierarchy }: { clusterId: string; hierarchy: ClusterHierarchy }) {
  // Expanded groups, selection and viewport are the user's: a live update of `hierarchy` keeps them.
  const [expansion, setExpansion] = useState<GroupExpansion>(ALL_COLLAPSED);
  const [selectedAgentId, setSelectedAgentId] = useState<string | null>(null);
  const [detailsAgentId, setDetailsAgentId] = useState<string | null>(null);
  const { getZoom, setCenter, setViewport } = useReactFlow();
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);
  // After Expand all or Collapse all the view keeps framing the whole graph until the user moves
  // it: a live update that lands just after the click (new workers, a refetch) is framed too.
  const [framing, setFraming] = useState(false);
  const showGroups = (all: GroupExpansion) => {
    setExpansion(all);
    setFraming(true);
  };
  const groupIds = useMemo(() => listWorkerGroups(hierarchy).map((group) => group.id), [hierarchy]);
  const expandedGroups = useMemo(() => expandedIn(expansion, groupIds), [expansion, groupIds]);
  const agentNames = useMemo(() => agentNamesById(hierarchy), [hierarchy]);
  const graph = useMemo(() => buildHierarchyGraph(hierarchy, expandedGroups), [hierarchy, expandedGroups]);
  const { nodes, edges } = useStableFlowElements(graph, selectedAgentId === null ? null : agentNodeId(selectedAgentId));
  // Framed from the layout's own bounds: React Flow's fitView counts only the cards it has
  // measured, and with onlyRenderVisibleElements the ones outside the view never are.
  useEffect(() => {
    if (framing && paneWidth > 0 && paneHeight > 0)
      void setViewport(getViewportForBounds(getNodesBounds(graph.nodes), paneWidth, paneHeight, MIN_ZOOM, 1, 0.1));
  }, [framing, graph, paneWidth, paneHeight, setViewport]);
  // Programmatic moves (the fit itself, a search's centring) come without an event.
  const stopFramingOnUserMove = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) setFraming(false);
  }, []);

  const actions = useMemo<HierarchyActions>(
    () => ({
      showAgent: (agentId) => {
        setSelectedAgentId(agentId);
        setDetailsAgentId(agentId);
      },
      toggleGroup: (groupId) => setExpansion((current) => withToggled(current, groupId)),
    }),
    [],
  );
  const closeDetails = useCallback(() => setDetailsAgentId(null), []);

  const revealAgent = (match: AgentMatch) => {
    const isHidden = match.groupId !== null && !expandedGroups.has(match.groupId);
    const revealed = isHidden ? withToggled(expansion, match.groupId!) : expansion;
    // The centre comes from the layout the expansion is about to draw, so it needs no second render.
    const target = (isHidden ? buildHierarchyGraph(hierarchy, expandedIn(revealed, groupIds)) : graph).nodes.find(
      (node) => node.id === agentNodeId(match.agentId),
    );
    setExpansion(revealed);
    setSelectedAgentId(match.agentId);
    setFraming(false);
    if (target)
      void setCenter(target.position.x + target.width / 2, target.position.y + target.height / 2, {
        zoom: Math.max(getZoom(), READABLE_ZOOM),
        duration: 300,
      });
  };

  return (
    <div className="flex h-full min-h-96 flex-col">
      <div className="relative z-10 flex flex-wrap items-start gap-2 border-b border-slate-200 p-2">
        <AgentSearch hierarchy={hierarchy} onChoose={revealAgent} />
        <button type="button" className={buttonClass} disabled={groupIds.length === 0} onClick={() => showGroups(ALL_EXPANDED)}>
          Expand all
        </button>
        <button type="button" className={buttonClass} disabled={groupIds.length === 0} onClick={() => showGroups(ALL_COLLAPSED)}>
          Collapse all
        </button>
      </div>
      <div className="flex min-h-0 flex-1">
        <div role="group" aria-label={`Hierarchy: ${hierarchy.total_agents} agents`} className="relative min-h-0 min-w-0 flex-1">
          <HierarchyActionsContext value={actions}>
            <ReactFlow<HierarchyFlowNode, Edge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              fitView
              fitViewOptions={FIT_VIEW_OPTIONS}
              onlyRenderVisibleElements={nodes.length > CULL_ABOVE_NODES}
              onMoveStart={stopFramingOnUserMove}
              nodesDraggable={false}
              nodesConnectable={false}
              // The cards' own buttons are the tab stops; focusable wrappers would double every one.
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              minZoom={MIN_ZOOM}
              proOptions={PRO_OPTIONS}
            >
              <Background />
              <Controls showInteractive={false} />
              <MiniMap<HierarchyFlowNode> nodeColor={miniMapNodeColor} pannable zoomable ariaLabel="Overview of the hierarchy" />
            </ReactFlow>
          </HierarchyActionsContext>
        </div>
        {detailsAgentId === null ? null : (
          <AgentDetailsPanel clusterId={clusterId} agentId={detailsAgentId} agentNames={agentNames} onClose={closeDetails} />
        )}
      </div>
    </div>
  );
}

function AgentSearch({ hierarchy, onChoose }: { hierarchy: ClusterHierarchy; onChoose: (match: AgentMatch) => void }) {
  const [query, setQuery] = useState("");
  // Once an agent is chosen the list closes, until the query is edited again.
  const [hasChosen, setHasChosen] = useState(false);
  const matches = useMemo(() => findAgents(hierarchy, query), [hierarchy, query]);
  const inputId = useId();
  const listId = useId();
  const isListOpen = !hasChosen && matches.length > 0;
  const choose = (match: AgentMatch) => {
    setQuery(match.name);
    setHasChosen(true);
    onChoose(match);
  };
  const message =
    query.trim() === "" || hasChosen
      ? ""
      : matches.length === 0
        ? "No agent matches."
        : `${matches.length} ${matches.length === 1 ? "agent matches" : "agents match"}.`;
  return (
    <form
      role="search"
      className="relative flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (matches[0]) choose(matches[0]);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Find an agent by name
      </label>
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHasChosen(false);
        }}
        placeholder="Find an agent…"
        autoComplete="off"
        aria-controls={isListOpen ? listId : undefined}
        className="w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
      />
      <p role="status" className="text-sm text-slate-600">
        {message}
      </p>
      {isListOpen ? (
        <ul
          id={listId}
          aria-label="Matching agents"
          className="absolute top-full left-0 mt-1 max-h-64 w-72 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {matches.slice(0, MATCHES_LISTED).map((match) => (
            <li key={match.agentId}>
              <button
                type="button"
                onClick={() => choose(match)}
                className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50 focus:outline-none focus-visible:bg-slate-100"
              >
                {match.name}{" "}
                <span className="text-xs text-slate-500">
                  {match.definition}, {match.status}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/**
 * Which worker groups show their agents: the last Expand all or Collapse all, with the groups the
 * user opened or closed since as exceptions. A group that first appears in a live update (a scale
 * that lands just after Expand all) follows the last choice instead of starting collapsed.
 */
interface GroupExpansion {
  all: boolean;
  exceptions: ReadonlySet<string>;
}

const ALL_COLLAPSED: GroupExpansion = { all: false, exceptions: new Set() };
const ALL_EXPANDED: GroupExpansion = { all: true, exceptions: new Set() };

function expandedIn(expansion: GroupExpansion, groupIds: readonly string[]): ReadonlySet<string> {
  return new Set(groupIds.filter((groupId) => expansion.all !== expansion.exceptions.has(groupId)));
}

function withToggled(expansion: GroupExpansion, groupId: string): GroupExpansion {
  const exceptions = new Set(expansion.exceptions);
  if (!exceptions.delete(groupId)) exceptions.add(groupId);
  return { all: expansion.all, exceptions };
}

interface FlowElements {
  nodes: HierarchyFlowNode[];
  edges: Edge[];
}

const NO_ELEMENTS: FlowElements = { nodes: [], edges: [] };

/**
 * The flow nodes and edges, reusing the previous object wherever nothing drawn changed, so React
 * Flow and the memoized cards skip them: a live update of 1,000 agents touches the few that did.
 * Kept in state and updated during render, React's pattern for values derived from earlier props.
 */
function useStableFlowElements(graph: HierarchyGraph, selectedNodeId: string | null): FlowElements {
  const [derived, setDerived] = useState(() => ({ graph, selectedNodeId, ...toFlowElements(graph, selectedNodeId, NO_ELEMENTS) }));
  if (derived.graph === graph && derived.selectedNodeId === selectedNodeId) return derived;
  const next = { graph, selectedNodeId, ...toFlowElements(graph, selectedNodeId, derived) };
  setDerived(next);
  return next;
}

function toFlowElements(graph: HierarchyGraph, selectedNodeId: string | null, previous: FlowElements): FlowElements {
  const previousNodes = new Map(previous.nodes.map((node) => [node.id, node]));
  const previousEdges = new Map(previous.edges.map((edge) => [edge.id, edge]));
  return {
    nodes: graph.nodes.map((node) => {
      const selected = node.id === selectedNodeId;
      const kept = previousNodes.get(node.id);
      return kept !== undefined && drawsTheSame(kept, node, selected) ? kept : { ...node, selected };
    }),
    edges: graph.edges.map((edge) => previousEdges.get(edge.id) ?? edge),
  };
}

function drawsTheSame(kept: HierarchyFlowNode, node: HierarchyGraphNode, selected: boolean): boolean {
  if (
    kept.selected !== selected ||
    kept.height !== node.height ||
    kept.position.x !== node.position.x ||
    kept.position.y !== node.position.y
  )
    return false;
  if (kept.type === "agent" && node.type === "agent") {
    const [a, b] = [kept.data, node.data];
    const groupsOf = (data: typeof a) => data.collapsibleGroups.map((group) => `${group.groupId}=${group.label}`).join("\n");
    return (
      a.name === b.name &&
      a.role === b.role &&
      a.definition === b.definition &&
      a.status === b.status &&
      a.runningTasks === b.runningTasks &&
      groupsOf(a) === groupsOf(b)
    );
  }
  if (kept.type === "workerGroup" && node.type === "workerGroup")
    return (
      kept.data.label === node.data.label &&
      kept.data.statusSummary === node.data.statusSummary &&
      kept.data.taskSummary === node.data.taskSummary
    );
  return false;
}
