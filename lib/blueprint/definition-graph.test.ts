import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDefinitionGraph } from "./definition-graph";
import { validateBlueprint } from "./validate";

describe("buildDefinitionGraph", () => {
  it("draws the marketing blueprint: a node per definition, an edge per reports_to", () => {
    const validation = validateBlueprint(readFileSync("blueprints/marketing.yaml", "utf8"));
    const graph = buildDefinitionGraph(validation.document, [...validation.errors, ...validation.warnings]);
    expect(graph.nodes.map((node) => [node.name, node.role, node.count])).toEqual(
      validation.blueprint!.agents.map((agent) => [agent.name, agent.role, expect.any(String)]),
    );
    const name = (index: number) => graph.nodes[index]!.name;
    const expected = validation.blueprint!.agents.filter((agent) => agent.reports_to).map((agent) => [agent.name, agent.reports_to]);
    expect(graph.edges.map((edge) => [name(edge.from), name(edge.to)])).toEqual(expected);
    expect(graph.danglingReports).toEqual([]);
  });

  it("keeps drawing a blueprint that breaks rules, with each error on its definition", () => {
    const text = `metadata: { id: t-v1, name: T, version: 1.0.0 }
cluster: { type: team, min_workers: 1, max_workers: 4 }
agents:
  - { name: boss, role: supervisor }
  - { name: helper, role: worker, count: 1-4, reports_to: bos }
  - { role: wizard, count: zero }
`;
    const validation = validateBlueprint(text);
    const graph = buildDefinitionGraph(validation.document, validation.errors);
    expect(graph.nodes.map((node) => [node.name, node.role, node.count])).toEqual([
      ["boss", "supervisor", "1"],
      ["helper", "worker", "1-4"],
      ["agents[2]", null, null],
    ]);
    expect(graph.edges).toEqual([]);
    expect(graph.danglingReports).toEqual([{ index: 1, reportsTo: "bos" }]);
    expect(graph.nodes[1]!.errors.join(" ")).toMatch(/bos/);
    expect(graph.nodes[2]!.errors.length).toBeGreaterThanOrEqual(2);
    expect(graph.nodes[0]!.errors).toEqual([]);
  });

  it("draws nothing for text that is not a blueprint", () => {
    expect(buildDefinitionGraph(undefined)).toEqual({ nodes: [], edges: [], danglingReports: [] });
    expect(buildDefinitionGraph({ agents: "many" }).nodes).toEqual([]);
  });
});
