"use client";
// The live preview: one node per agent definition (role, count), arrows for reports_to, laid out
// top-down by dagre; a definition with errors is drawn red and lists them.
import dagre from "@dagrejs/dagre";
import { Background, Controls, type Edge, Handle, type Node, type NodeProps, Position, ReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useMemo } from "react";
import type { DefinitionGraph, DefinitionNode } from "@/lib/blueprint/definition-graph";

const NODE_WIDTH = 180;
const NODE_HEIGHT = 64;

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

/** What the layout depends on: which definitions exist and who reports to whom, not their text. */
function structureOf(graph: DefinitionGraph): string {
  return `${graph.nodes.length}|${graph.edges.map((edge) => `${edge.from}>${edge.to}`).join(",")}`;
}

/** Node positions by dagre; the slow part (about 0.8 s for 1,000 definitions), so run only when the structure changes. */
function layoutPositions(graph: DefinitionGraph): Array<{ x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 48 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(String(node.index), { width: NODE_WIDTH, height: NODE_HEIGHT });
  // Drawn from the superior down: the edge runs from the definition reported to.
  for (const edge of graph.edges) g.setEdge(String(edge.to), String(edge.from));
  dagre.layout(g);
  return graph.nodes.map((definition) => {
    const placed = g.node(String(definition.index));
    return { x: placed.x - NODE_WIDTH / 2, y: placed.y - NODE_HEIGHT / 2 };
  });
}

export function DefinitionGraphView({ graph }: { graph: DefinitionGraph }) {
  const structure = structureOf(graph);
  // Keyed by the structure alone: typing a description or a count keeps every node where it is.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const positions = useMemo(() => layoutPositions(graph), [structure]);
  const nodes = useMemo<DefinitionFlowNode[]>(
    () => graph.nodes.map((definition) => ({ id: String(definition.index), type: "definition", position: positions[definition.index]!, data: { definition }, draggable: false })),
    [graph, positions],
  );
  const edges = useMemo<Edge[]>(() => graph.edges.map((edge) => ({ id: `${edge.to}->${edge.from}`, source: String(edge.to), target: String(edge.from) })), [graph]);
  if (graph.nodes.length === 0) {
    return <p className="p-4 text-sm text-slate-600">The preview appears once the YAML lists agents.</p>;
  }
  return (
    <div className="h-full w-full" role="img" aria-label={`Hierarchy preview: ${graph.nodes.length} agent definitions, ${graph.edges.length} reporting lines`}>
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView onlyRenderVisibleElements nodesConnectable={false} proOptions={{ hideAttribution: true }} minZoom={0.05}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
