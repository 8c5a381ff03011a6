// The editor's preview: one node per agent definition and an edge per `reports_to`, drawn from
// the YAML as typed (rule breaks included), with each finding pinned to the definition it concerns.
// Pure and browser-safe like the validator.
import type { Finding } from "./finding";
import { formatCount, isRecord } from "./rules";
import { AGENT_ROLES, type AgentRole } from "./schema";

export interface DefinitionNode {
  /** The definition's index in `agents`: names may be missing or repeated while someone types. */
  index: number;
  name: string;
  role: AgentRole | null;
  /** `1`, `3` or `2-8`; null when the count is not valid. */
  count: string | null;
  errors: string[];
  warnings: string[];
}

export interface DefinitionEdge {
  /** Indexes into the nodes: the subordinate and the definition it reports to. */
  from: number;
  to: number;
}

export interface DefinitionGraph {
  nodes: DefinitionNode[];
  edges: DefinitionEdge[];
  /** `reports_to` values that name no definition, to show beside the graph. */
  danglingReports: Array<{ index: number; reportsTo: string }>;
}

const AGENT_PATH = /^agents\[(\d+)\]/;

export function buildDefinitionGraph(document: unknown, findings: readonly Finding[] = []): DefinitionGraph {
  const agents = isRecord(document) && Array.isArray(document.agents) ? document.agents : [];
  const nodes: DefinitionNode[] = agents.map((raw, index) => {
    const agent = isRecord(raw) ? raw : {};
    return {
      index,
      name: typeof agent.name === "string" && agent.name !== "" ? agent.name : `agents[${index}]`,
      role: AGENT_ROLES.includes(agent.role as AgentRole) ? (agent.role as AgentRole) : null,
      count: formatCount(agent.count) ?? null,
      errors: [],
      warnings: [],
    };
  });
  for (const finding of findings) {
    const match = AGENT_PATH.exec(finding.path);
    const node = match ? nodes[Number(match[1])] : undefined;
    node?.[finding.severity === "error" ? "errors" : "warnings"].push(finding.message);
  }

  const indexByName = new Map<string, number>();
  for (const node of nodes) if (!indexByName.has(node.name)) indexByName.set(node.name, node.index);
  const edges: DefinitionEdge[] = [];
  const danglingReports: DefinitionGraph["danglingReports"] = [];
  agents.forEach((raw, index) => {
    const reportsTo = isRecord(raw) ? raw.reports_to : undefined;
    if (typeof reportsTo !== "string") return;
    const target = indexByName.get(reportsTo);
    if (target === undefined) danglingReports.push({ index, reportsTo });
    else edges.push({ from: index, to: target });
  });
  return { nodes, edges, danglingReports };
}
