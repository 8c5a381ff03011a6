"use client";
// The live preview: one node per agent definition (role, count), arrows for reports_to, laid out
// top-down by d3-hierarchy (in the analysis worker); a definition with errors is drawn red and lists them.
import {
  Background,
  Controls,
  type Edge,
  getViewportForBounds,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  type ReactFlowInstance,
  type Rect,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useMemo, useRef, useState } from "react";
import type { DefinitionGraph, DefinitionNode } from "@/lib/blueprint/definition-graph";
import { NODE_HEIGHT, NODE_WIDTH, type NodePosition, structureOf } from "./definition-layout";

const ROLE_STYLE: Record<string, string> = {
  supervisor: "border-indigo-400 bg-indigo-50",
  lead: "border-sky-400 bg-sky-50",
  specialist: "border-emerald-400 bg-emerald-50",
  worker: "border-slate-300 bg-white",
};

type DefinitionFlowNode = Node<{ definition: DefinitionNode }, "definition">;

const DefinitionCard = memo(function DefinitionCard({ data }: NodeProps<DefinitionFlowNode>) {
  const { definition } = data;
  const failing = definition.errors.length > 0;
  return (
    <div
      title={failing ? definition.errors.join("\n") : undefined}
      data-testid={`definition-${definition.name}`}
      data-errors={definition.errors.length}
      className={`rounded-md border-2 px-3 py-2 text-xs shadow-sm ${failing ? "border-red-500 bg-red-50" : (ROLE_STYLE[definition.role ?? ""] ?? "border-slate-300 bg-white")}`}
      style={{ width: NODE_WIDTH }}
    >
      <Handle type="target" position={Position.Top} />
      <p className="truncate font-semibold text-slate-900">{definition.name}</p>
      <p className="text-slate-600">
        {definition.role ?? "no role"} × {definition.count ?? "?"}
      </p>
      {failing ? <p className="truncate text-red-700">{definition.errors[0]}</p> : null}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

// Module scope keeps the object stable across renders, as React Flow asks.
const nodeTypes = { definition: DefinitionCard };

/** Memoized: the studio renders on every keystroke, the graph only when a new analysis arrives. */
export const DefinitionGraphView = memo(function DefinitionGraphView({
  graph,
  positions,
}: {
  graph: DefinitionGraph;
  positions: readonly NodePosition[];
}) {
  const nodes = useStableNodes(graph, positions);
  const frame = useRef<HTMLDivElement>(null);
  // The first view only, from the layout's own positions: React Flow's fitView counts only cards it
  // has measured, and cards outside the view are never rendered. Later layouts keep the user's viewport.
  const openView = (flow: ReactFlowInstance<DefinitionFlowNode>) => {
    const box = frame.current;
    if (!box) return;
    const big = graph.nodes.length > OPENING_VIEW_NODES;
    void flow.setViewport(
      getViewportForBounds(openingBounds(graph, positions), box.clientWidth, box.clientHeight, big ? READABLE_ZOOM : MIN_ZOOM, 1, 0.1),
    );
  };
  const structure = structureOf(graph);
  const edges = useMemo<Edge[]>(
    () => graph.edges.map((edge) => ({ id: `${edge.to}->${edge.from}`, source: String(edge.to), target: String(edge.from) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the edges are a function of the structure alone
    [structure],
  );
  if (graph.nodes.length === 0) {
    return <p className="p-4 text-sm text-slate-600">The preview appears once the YAML lists agents.</p>;
  }
  return (
    // A named group rather than an image: an image's content is presentational, yet the cards and
    // the zoom controls inside take the keyboard focus.
    <div
      ref={frame}
      className="h-full w-full"
      role="group"
      aria-label={`Hierarchy preview: ${graph.nodes.length} agent definitions, ${graph.edges.length} reporting lines`}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onInit={openView}
        onlyRenderVisibleElements
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
        minZoom={MIN_ZOOM}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
});

const MIN_ZOOM = 0.05;
/** The first view of a big plan is never zoomed out further than this: its cards stay legible. */
const READABLE_ZOOM = 0.5;
/** How many definitions the first view of a big plan shows. */
const OPENING_VIEW_NODES = 12;

/**
 * What the first view shows: the whole plan when it is small, else the top of the hierarchy at a
 * readable zoom (the fit-view control shows everything). Drawing 1,000 cards at once would also
 * make every later update repaint all of them.
 */
function openingBounds(graph: DefinitionGraph, positions: readonly NodePosition[]): Rect {
  const top = positions.reduce((lowest, position) => Math.min(lowest, position.y), Infinity);
  const anchor = positions.find((position) => position.y === top)?.x ?? 0;
  const shown = [...positions]
    .sort((a, b) => a.y - b.y || Math.abs(a.x - anchor) - Math.abs(b.x - anchor))
    .slice(0, graph.nodes.length <= OPENING_VIEW_NODES ? positions.length : OPENING_VIEW_NODES);
  const x = Math.min(...shown.map((position) => position.x));
  const y = Math.min(...shown.map((position) => position.y));
  return {
    x,
    y,
    width: Math.max(...shown.map((position) => position.x)) + NODE_WIDTH - x,
    height: Math.max(...shown.map((position) => position.y)) + NODE_HEIGHT - y,
  };
}

/**
 * The flow nodes, reusing the previous object for every definition whose card and place did not
 * change: React Flow then skips them, so an update of 1,000 definitions touches a few nodes.
 * Kept in state and updated during render, React's pattern for values derived from the last props.
 */
function useStableNodes(graph: DefinitionGraph, positions: readonly NodePosition[]): DefinitionFlowNode[] {
  const [derived, setDerived] = useState(() => ({ graph, positions, nodes: toFlowNodes(graph, positions, []) }));
  if (derived.graph !== graph || derived.positions !== positions) {
    const next = { graph, positions, nodes: toFlowNodes(graph, positions, derived.nodes) };
    setDerived(next);
    return next.nodes;
  }
  return derived.nodes;
}

function toFlowNodes(
  graph: DefinitionGraph,
  positions: readonly NodePosition[],
  previous: readonly DefinitionFlowNode[],
): DefinitionFlowNode[] {
  return graph.nodes.map((definition) => {
    const position = positions[definition.index] ?? { x: 0, y: 0 };
    const kept = previous[definition.index];
    if (kept && sameCard(kept.data.definition, definition) && kept.position.x === position.x && kept.position.y === position.y) return kept;
    // Known sizes let React Flow tell which cards are in view before it has measured them.
    return {
      id: String(definition.index),
      type: "definition",
      position,
      data: { definition },
      draggable: false,
      initialWidth: NODE_WIDTH,
      initialHeight: NODE_HEIGHT,
    };
  });
}

function sameCard(a: DefinitionNode, b: DefinitionNode): boolean {
  return (
    a.name === b.name &&
    a.role === b.role &&
    a.count === b.count &&
    a.errors.join("\n") === b.errors.join("\n") &&
    a.warnings.length === b.warnings.length
  );
}
