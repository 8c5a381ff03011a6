import { describe, expect, it } from "vitest";
import type { ClusterHierarchy, HierarchyNode } from "@/lib/cluster/api-schema";
import {
  agentNodeId,
  buildHierarchyGraph,
  CARD_HEIGHT,
  COLLAPSE_BUTTON_HEIGHT,
  describeGroupTasks,
  findAgents,
  GROUP_CARD_HEIGHT,
  type HierarchyGraph,
  listWorkerGroups,
  NODE_WIDTH,
  VERTICAL_GAP,
  workerGroupId,
} from "./build-hierarchy-graph";

function agent(
  name: string,
  role: string,
  subordinates: HierarchyNode[] = [],
  options: { definition?: string; status?: string; runningTasks?: number } = {},
): HierarchyNode {
  return {
    agent_id: `id-${name}`,
    name,
    definition: options.definition ?? name,
    role,
    status: options.status ?? "active",
    running_tasks: options.runningTasks ?? 0,
    subordinates,
  };
}

/**
 * `count` workers of one definition, named `prefix-1`…; `statuses` overrides the first ones' status,
 * `runningTasks` the first ones' tasks.
 */
function workers(
  definition: string,
  count: number,
  statuses: string[] = [],
  prefix = definition,
  runningTasks: number[] = [],
): HierarchyNode[] {
  return Array.from({ length: count }, (_, index) =>
    agent(`${prefix}-${index + 1}`, "worker", [], {
      definition,
      status: statuses[index] ?? "active",
      runningTasks: runningTasks[index] ?? 0,
    }),
  );
}

function clusterOf(supervisor: HierarchyNode | null): ClusterHierarchy {
  let total = 0;
  const count = (node: HierarchyNode): void => {
    total++;
    node.subordinates.forEach(count);
  };
  if (supervisor) count(supervisor);
  return { cluster_id: "c1", cluster_name: "Cluster", total_agents: total, supervisor };
}

const marketing = clusterOf(
  agent("chief", "supervisor", [
    agent("content-lead", "lead", [...workers("copywriter", 8, ["starting"]), agent("editor-1", "worker", [], { definition: "editor" })]),
    agent("seo-1", "specialist", [], { definition: "seo" }),
    agent("seo-2", "specialist", [], { definition: "seo" }),
    agent("ads-lead", "lead", [...workers("copywriter", 2, ["failed", "hibernated"], "ad-copywriter"), ...workers("designer", 3)]),
  ]),
);

const ALL_GROUPS = new Set(listWorkerGroups(marketing).map((group) => group.id));

function nodeIds(graph: HierarchyGraph): string[] {
  return graph.nodes.map((node) => node.id);
}

function expectEdgesBetweenVisibleNodes(graph: HierarchyGraph) {
  const visible = new Set(nodeIds(graph));
  for (const edge of graph.edges) {
    expect(visible.has(edge.source), edge.id).toBe(true);
    expect(visible.has(edge.target), edge.id).toBe(true);
  }
  expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length);
}

function expectTopDownWithoutOverlaps(graph: HierarchyGraph) {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const childYsOf = new Map<string, Set<number>>();
  for (const edge of graph.edges) {
    const parent = byId.get(edge.source)!;
    const child = byId.get(edge.target)!;
    expect(child.position.y).toBeGreaterThanOrEqual(parent.position.y + parent.height + VERTICAL_GAP);
    childYsOf.set(edge.source, (childYsOf.get(edge.source) ?? new Set()).add(child.position.y));
  }
  for (const ys of childYsOf.values()) expect(ys.size).toBe(1);
  const rows = new Map<number, number[]>();
  for (const node of graph.nodes) rows.set(node.position.y, [...(rows.get(node.position.y) ?? []), node.position.x]);
  for (const xs of rows.values()) {
    const sorted = xs.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH);
  }
}

function rowOf(graph: HierarchyGraph, id: string): number {
  return graph.nodes.find((node) => node.id === id)!.position.y;
}

describe("worker groups", () => {
  it("groups two or more workers of one definition under one parent, never leads or specialists", () => {
    const groups = listWorkerGroups(marketing).map((group) => [group.id, group.members.length]);
    expect(groups).toEqual(
      expect.arrayContaining([
        [workerGroupId("id-content-lead", "copywriter"), 8],
        [workerGroupId("id-ads-lead", "copywriter"), 2],
        [workerGroupId("id-ads-lead", "designer"), 3],
      ]),
    );
    expect(groups).toHaveLength(3);
  });

  it("draws a collapsed group as one node labelled with its size and status breakdown", () => {
    const graph = buildHierarchyGraph(marketing, new Set());
    const groupCards = graph.nodes.flatMap((node) => (node.type === "workerGroup" ? [node.data] : []));
    expect(groupCards.map(({ label, count, statusSummary }) => ({ label, count, statusSummary }))).toEqual(
      expect.arrayContaining([
        { label: "copywriter ×8", count: 8, statusSummary: "7 active, 1 starting" },
        { label: "copywriter ×2", count: 2, statusSummary: "1 hibernated, 1 failed" },
        { label: "designer ×3", count: 3, statusSummary: "3 active" },
      ]),
    );
    expect(nodeIds(graph)).toEqual(expect.arrayContaining([agentNodeId("id-editor-1"), agentNodeId("id-seo-1"), agentNodeId("id-seo-2")]));
    expect(graph.nodes).toHaveLength(1 + 2 + 2 + 1 + 3);
    expectEdgesBetweenVisibleNodes(graph);
  });
});

describe("buildHierarchyGraph", () => {
  it("reveals the members of an expanded group only, and offers its parent's card to collapse it", () => {
    const copywriters = workerGroupId("id-content-lead", "copywriter");
    const graph = buildHierarchyGraph(marketing, new Set([copywriters]));
    expect(nodeIds(graph)).not.toContain(copywriters);
    expect(nodeIds(graph)).toEqual(expect.arrayContaining(workers("copywriter", 8).map((worker) => agentNodeId(worker.agent_id))));
    expect(nodeIds(graph)).toContain(workerGroupId("id-ads-lead", "copywriter"));
    const lead = graph.nodes.find((node) => node.id === agentNodeId("id-content-lead"))!;
    expect(lead.type === "agent" && lead.data.collapsibleGroups).toEqual([{ groupId: copywriters, label: "copywriter ×8" }]);
    expect(lead.height).toBe(CARD_HEIGHT + COLLAPSE_BUTTON_HEIGHT);
    expectEdgesBetweenVisibleNodes(graph);
  });

  it("shows every agent with every group expanded, one edge per reporting line", () => {
    const graph = buildHierarchyGraph(marketing, ALL_GROUPS);
    expect(graph.nodes.every((node) => node.type === "agent")).toBe(true);
    expect(graph.nodes).toHaveLength(marketing.total_agents);
    expect(graph.edges).toHaveLength(marketing.total_agents - 1);
    expectEdgesBetweenVisibleNodes(graph);
  });

  it("places children one row below their parent, rows as tall as their tallest card, without overlaps", () => {
    for (const expanded of [new Set<string>(), ALL_GROUPS]) {
      const graph = buildHierarchyGraph(marketing, expanded);
      expectTopDownWithoutOverlaps(graph);
      expect(rowOf(graph, agentNodeId("id-chief"))).toBe(0);
      expect(rowOf(graph, agentNodeId("id-seo-1"))).toBe(CARD_HEIGHT + VERTICAL_GAP);
    }
  });

  it("keeps a worker without a same-definition sibling as an individual node", () => {
    const graph = buildHierarchyGraph(
      clusterOf(agent("chief", "supervisor", [agent("solo-1", "worker", [], { definition: "solo" })])),
      new Set(),
    );
    expect(graph.nodes.map((node) => node.type)).toEqual(["agent", "agent"]);
  });

  it("draws nothing when no agent is running", () => {
    expect(buildHierarchyGraph(clusterOf(null), new Set())).toEqual({ nodes: [], edges: [] });
    expect(listWorkerGroups(clusterOf(null))).toEqual([]);
    expect(findAgents(clusterOf(null), "a")).toEqual([]);
  });

  it("lays out 1,000 agents with every group expanded: 1,000 nodes, 999 edges, no overlaps", () => {
    const leads = Array.from({ length: 4 }, (_, lead) =>
      agent(`lead-${lead}`, "lead", [
        agent(`analyst-${lead}`, "specialist", [], { definition: "analyst" }),
        agent(`reviewer-${lead}`, "specialist", [], { definition: "reviewer" }),
        ...["writer", "designer", "tester"].flatMap((definition, index) =>
          workers(`${definition}-${lead}`, lead === 0 && index === 0 ? 85 : 82),
        ),
      ]),
    );
    const big = clusterOf(agent("chief", "supervisor", leads));
    expect(big.total_agents).toBe(1000);
    const graph = buildHierarchyGraph(big, new Set(listWorkerGroups(big).map((group) => group.id)));
    expect(graph.nodes).toHaveLength(1000);
    expect(graph.edges).toHaveLength(999);
    expectEdgesBetweenVisibleNodes(graph);
    expectTopDownWithoutOverlaps(graph);
    expect(buildHierarchyGraph(big, new Set()).nodes).toHaveLength(1 + 4 * (1 + 2 + 3));
  });
});

describe("busy agents", () => {
  const busy = clusterOf(
    agent("chief", "supervisor", [
      agent("content-lead", "lead", workers("copywriter", 8, [], "copywriter", [2, 0, 1, 0, 2]), { runningTasks: 1 }),
      agent("seo-1", "specialist", [], { definition: "seo" }),
      agent("ads-lead", "lead", workers("designer", 3)),
    ]),
  );

  it("says how many of a group's workers are busy and how many tasks they run", () => {
    const groupCards = buildHierarchyGraph(busy, new Set()).nodes.flatMap((node) => (node.type === "workerGroup" ? [node.data] : []));
    expect(groupCards.map(({ label, busyCount, runningTasks, taskSummary }) => ({ label, busyCount, runningTasks, taskSummary }))).toEqual([
      { label: "copywriter ×8", busyCount: 3, runningTasks: 5, taskSummary: "3 of 8 busy · 5 tasks" },
      { label: "designer ×3", busyCount: 0, runningTasks: 0, taskSummary: "all idle" },
    ]);
  });

  it("gives each agent card its running tasks, in a group opened or not", () => {
    const graph = buildHierarchyGraph(busy, new Set([workerGroupId("id-content-lead", "copywriter")]));
    const runningOf = (id: string) => {
      const node = graph.nodes.find((candidate) => candidate.id === agentNodeId(id))!;
      return node.type === "agent" ? node.data.runningTasks : undefined;
    };
    expect([runningOf("id-content-lead"), runningOf("id-seo-1"), runningOf("id-copywriter-1"), runningOf("id-copywriter-2")]).toEqual([
      1, 0, 2, 0,
    ]);
  });

  it("counts one task in the singular", () => {
    expect(describeGroupTasks(1, 4, 1)).toBe("1 of 4 busy · 1 task");
    expect(describeGroupTasks(0, 4, 0)).toBe("all idle");
  });

  it("makes a row holding a group card as tall as that card, so the row below starts under it", () => {
    const deep = clusterOf(
      agent("chief", "supervisor", [
        agent("content-lead", "lead", workers("copywriter", 2)),
        agent("seo-lead", "lead", [agent("seo-sub", "lead", [agent("seo-1", "specialist", [], { definition: "seo" })])]),
      ]),
    );
    const graph = buildHierarchyGraph(deep, new Set());
    expect(graph.nodes.find((node) => node.id === workerGroupId("id-content-lead", "copywriter"))!.height).toBe(GROUP_CARD_HEIGHT);
    expect(rowOf(graph, agentNodeId("id-seo-sub"))).toBe(2 * (CARD_HEIGHT + VERTICAL_GAP));
    expect(rowOf(graph, agentNodeId("id-seo-1"))).toBe(2 * (CARD_HEIGHT + VERTICAL_GAP) + GROUP_CARD_HEIGHT + VERTICAL_GAP);
    expectTopDownWithoutOverlaps(graph);
  });
});

describe("findAgents", () => {
  it("finds an agent inside a collapsed group by a case-insensitive part of its name and reports the group", () => {
    expect(findAgents(marketing, "  COPYWRITER-7 ")).toEqual([
      {
        agentId: "id-copywriter-7",
        name: "copywriter-7",
        definition: "copywriter",
        status: "active",
        groupId: workerGroupId("id-content-lead", "copywriter"),
      },
    ]);
    const revealed = buildHierarchyGraph(marketing, new Set([workerGroupId("id-content-lead", "copywriter")]));
    expect(nodeIds(revealed)).toContain(agentNodeId("id-copywriter-7"));
  });

  it("reports no group for agents that are always drawn, and nothing for a blank or unmatched query", () => {
    expect(findAgents(marketing, "lead").map((match) => [match.name, match.groupId])).toEqual([
      ["content-lead", null],
      ["ads-lead", null],
    ]);
    expect(findAgents(marketing, "editor")[0]?.groupId).toBeNull();
    expect(findAgents(marketing, "   ")).toEqual([]);
    expect(findAgents(marketing, "nobody")).toEqual([]);
  });
});
