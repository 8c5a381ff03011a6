// The running hierarchy as placed graph nodes: worker groups, what the expanded groups reveal, a
// top-down tidy-tree layout by d3-hierarchy, the agent search, and who is busy with tasks. Pure, so
// it is tested without React.
import { hierarchy as toLayoutTree, tree } from "d3-hierarchy";
import { AGENT_STATUSES, type ClusterHierarchy, type HierarchyNode } from "@/lib/cluster/api-schema";

export const NODE_WIDTH = 208;
export const CARD_HEIGHT = 76;
/** A worker group's card has one line more than an agent's: how many of its workers are busy. */
export const GROUP_CARD_HEIGHT = 92;
/** Each expanded worker group adds one collapse button under its parent's card. */
export const COLLAPSE_BUTTON_HEIGHT = 26;
const HORIZONTAL_GAP = 24;
export const VERTICAL_GAP = 48;

/** Worker groups are named by parent and definition, so they keep their id (and stay expanded) across live updates. */
export function workerGroupId(parentAgentId: string, definition: string): string {
  return `group:${parentAgentId}:${definition}`;
}

export function agentNodeId(agentId: string): string {
  return `agent:${agentId}`;
}

interface StatusCount {
  status: string;
  count: number;
}

export interface WorkerGroup {
  id: string;
  definition: string;
  members: HierarchyNode[];
}

interface CollapsibleGroup {
  groupId: string;
  label: string;
}

// Card data are type aliases, not interfaces: React Flow wants node data assignable to Record<string, unknown>.
export type AgentCardData = {
  agentId: string;
  name: string;
  definition: string;
  role: string;
  status: string;
  /** Tasks the agent runs now: busy when more than 0. */
  runningTasks: number;
  /** The expanded worker groups among this agent's subordinates: its card offers to collapse them. */
  collapsibleGroups: CollapsibleGroup[];
};

export type GroupCardData = {
  groupId: string;
  definition: string;
  label: string;
  count: number;
  /** e.g. "7 active, 1 starting" */
  statusSummary: string;
  /** Members running at least one task. */
  busyCount: number;
  /** Tasks the members run now, all together. */
  runningTasks: number;
  /** e.g. "3 of 8 busy · 5 tasks", or "all idle" */
  taskSummary: string;
};

interface NodeBox {
  id: string;
  width: number;
  height: number;
}

type UnplacedNode = (NodeBox & { type: "agent"; data: AgentCardData }) | (NodeBox & { type: "workerGroup"; data: GroupCardData });
export type HierarchyGraphNode = UnplacedNode & { position: { x: number; y: number } };

export interface HierarchyGraphEdge {
  id: string;
  source: string;
  target: string;
}

export interface HierarchyGraph {
  nodes: HierarchyGraphNode[];
  edges: HierarchyGraphEdge[];
}

export interface AgentMatch {
  agentId: string;
  name: string;
  definition: string;
  status: string;
  /** The worker group that hides the agent while collapsed, or null. */
  groupId: string | null;
}

function groupLabel(definition: string, count: number): string {
  return `${definition} ×${count}`;
}

/** Most frequent first; ties in the order of AGENT_STATUSES so the summary does not shuffle between updates. */
function countStatuses(agents: readonly HierarchyNode[]): StatusCount[] {
  const counts = new Map<string, number>();
  for (const agent of agents) counts.set(agent.status, (counts.get(agent.status) ?? 0) + 1);
  const rank = (status: string) => {
    const index = (AGENT_STATUSES as readonly string[]).indexOf(status);
    return index === -1 ? AGENT_STATUSES.length : index;
  };
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || rank(a.status) - rank(b.status) || a.status.localeCompare(b.status));
}

function describeStatusCounts(counts: readonly StatusCount[]): string {
  return counts.map(({ status, count }) => `${count} ${status}`).join(", ");
}

export function describeGroupTasks(busyCount: number, count: number, runningTasks: number): string {
  if (busyCount === 0) return "all idle";
  return `${busyCount} of ${count} busy · ${runningTasks} ${runningTasks === 1 ? "task" : "tasks"}`;
}

/** Two or more workers of one definition under one parent; leads and specialists stay individual. */
function workerGroupsOf(parent: HierarchyNode): WorkerGroup[] {
  const byDefinition = new Map<string, HierarchyNode[]>();
  for (const subordinate of parent.subordinates) {
    if (subordinate.role !== "worker") continue;
    const members = byDefinition.get(subordinate.definition) ?? [];
    members.push(subordinate);
    byDefinition.set(subordinate.definition, members);
  }
  return [...byDefinition]
    .filter(([, members]) => members.length >= 2)
    .map(([definition, members]) => ({ id: workerGroupId(parent.agent_id, definition), definition, members }));
}

export function listWorkerGroups(hierarchy: ClusterHierarchy): WorkerGroup[] {
  const groups: WorkerGroup[] = [];
  forEachAgent(hierarchy, (agent) => groups.push(...workerGroupsOf(agent)));
  return groups;
}

export function agentNamesById(hierarchy: ClusterHierarchy): Map<string, string> {
  const names = new Map<string, string>();
  forEachAgent(hierarchy, (agent) => names.set(agent.agent_id, agent.name));
  return names;
}

/**
 * Agents whose name contains the query, ignoring case. No agent reports to a worker (blueprint
 * rule 5), so the one group around a worker is all that can hide a match.
 */
export function findAgents(hierarchy: ClusterHierarchy, query: string): AgentMatch[] {
  const needle = query.trim().toLowerCase();
  if (needle === "" || hierarchy.supervisor === null) return [];
  const matches: AgentMatch[] = [];
  const visit = (agent: HierarchyNode, groupId: string | null) => {
    if (agent.name.toLowerCase().includes(needle)) {
      matches.push({ agentId: agent.agent_id, name: agent.name, definition: agent.definition, status: agent.status, groupId });
    }
    const groupOfMember = new Map(
      workerGroupsOf(agent).flatMap((group) => group.members.map((member) => [member.agent_id, group.id] as const)),
    );
    for (const subordinate of agent.subordinates) visit(subordinate, groupOfMember.get(subordinate.agent_id) ?? null);
  };
  visit(hierarchy.supervisor, null);
  return matches;
}

/** The nodes and edges to draw: every agent, except the members of collapsed groups, which one group node stands for. */
export function buildHierarchyGraph(hierarchy: ClusterHierarchy, expandedGroups: ReadonlySet<string>): HierarchyGraph {
  if (hierarchy.supervisor === null) return { nodes: [], edges: [] };
  return placeTopDown(visibleTree(hierarchy.supervisor, expandedGroups));
}

interface VisibleItem {
  node: UnplacedNode;
  children: VisibleItem[];
}

function visibleTree(agent: HierarchyNode, expandedGroups: ReadonlySet<string>): VisibleItem {
  const groups = workerGroupsOf(agent);
  const groupByDefinition = new Map(groups.map((group) => [group.definition, group]));
  const collapsibleGroups = groups
    .filter((group) => expandedGroups.has(group.id))
    .map((group) => ({ groupId: group.id, label: groupLabel(group.definition, group.members.length) }));
  const children: VisibleItem[] = [];
  const placedGroups = new Set<string>();
  for (const subordinate of agent.subordinates) {
    const group = subordinate.role === "worker" ? groupByDefinition.get(subordinate.definition) : undefined;
    if (group === undefined) {
      children.push(visibleTree(subordinate, expandedGroups));
      continue;
    }
    // A group sits where its first member would, its members kept side by side.
    if (placedGroups.has(group.id)) continue;
    placedGroups.add(group.id);
    if (expandedGroups.has(group.id)) children.push(...group.members.map((member) => visibleTree(member, expandedGroups)));
    else children.push({ node: groupNode(group), children: [] });
  }
  const data: AgentCardData = {
    agentId: agent.agent_id,
    name: agent.name,
    definition: agent.definition,
    role: agent.role,
    status: agent.status,
    runningTasks: agent.running_tasks,
    collapsibleGroups,
  };
  const height = CARD_HEIGHT + collapsibleGroups.length * COLLAPSE_BUTTON_HEIGHT;
  return { node: { id: agentNodeId(agent.agent_id), type: "agent", width: NODE_WIDTH, height, data }, children };
}

function groupNode(group: WorkerGroup): UnplacedNode {
  const count = group.members.length;
  const busyCount = group.members.filter((member) => member.running_tasks > 0).length;
  const runningTasks = group.members.reduce((sum, member) => sum + member.running_tasks, 0);
  const data: GroupCardData = {
    groupId: group.id,
    definition: group.definition,
    label: groupLabel(group.definition, count),
    count,
    statusSummary: describeStatusCounts(countStatuses(group.members)),
    busyCount,
    runningTasks,
    taskSummary: describeGroupTasks(busyCount, count, runningTasks),
  };
  return { id: group.id, type: "workerGroup", width: NODE_WIDTH, height: GROUP_CARD_HEIGHT, data };
}

/** Tidy tree columns from d3-hierarchy; each row as tall as its tallest card, so taller parents never overlap their children. */
function placeTopDown(root: VisibleItem): HierarchyGraph {
  const laidOut = tree<VisibleItem>()
    .nodeSize([NODE_WIDTH + HORIZONTAL_GAP, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(toLayoutTree(root, (item) => item.children));
  const placed = laidOut.descendants();
  const rowHeights: number[] = [];
  for (const item of placed) rowHeights[item.depth] = Math.max(rowHeights[item.depth] ?? 0, item.data.node.height);
  const rowTops = [0];
  for (let depth = 1; depth < rowHeights.length; depth++) rowTops[depth] = rowTops[depth - 1]! + rowHeights[depth - 1]! + VERTICAL_GAP;
  const nodes = placed.map((item) => ({ ...item.data.node, position: { x: item.x - NODE_WIDTH / 2, y: rowTops[item.depth]! } }));
  const edges = placed.flatMap((item) => {
    if (item.parent === null) return [];
    const source = item.parent.data.node.id;
    const target = item.data.node.id;
    return [{ id: `${source}->${target}`, source, target }];
  });
  return { nodes, edges };
}

function forEachAgent(hierarchy: ClusterHierarchy, visit: (agent: HierarchyNode) => void) {
  const pending = hierarchy.supervisor === null ? [] : [hierarchy.supervisor];
  for (let agent = pending.pop(); agent !== undefined; agent = pending.pop()) {
    visit(agent);
    pending.push(...agent.subordinates);
  }
}
