import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDefinitionGraph, type DefinitionGraph } from "@/lib/blueprint/definition-graph";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { generateBlueprint } from "@/scripts/bench/generate-blueprint";
import { createBlueprintAnalyzer } from "./analyze-blueprint";
import { layoutDefinitions, layoutParents, NODE_HEIGHT, NODE_WIDTH } from "./definition-layout";

const graphOf = (text: string): DefinitionGraph => buildDefinitionGraph(validateBlueprint(text).document);

/** Agents given as [name, reports_to] in a minimal blueprint. */
function blueprintWith(agents: Array<[string, string?]>): string {
  const lines = agents.map(([name, reportsTo]) => `  - { name: ${name}, role: worker${reportsTo ? `, reports_to: ${reportsTo}` : ""} }`);
  return `metadata: { id: t-v1, name: T, version: 1.0.0 }\ncluster: { type: team, min_workers: 1, max_workers: 4 }\nagents:\n${lines.join("\n")}\n`;
}

function expectNoOverlap(positions: Array<{ x: number; y: number }>) {
  const byRow = new Map<number, number[]>();
  for (const { x, y } of positions) byRow.set(y, [...(byRow.get(y) ?? []), x]);
  for (const xs of byRow.values()) {
    const sorted = xs.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH);
  }
}

describe("layoutDefinitions", () => {
  it("draws every subordinate one row below the definition it reports to, without overlaps", () => {
    const graph = graphOf(readFileSync("blueprints/marketing.yaml", "utf8"));
    const positions = layoutDefinitions(graph);
    expect(positions).toHaveLength(graph.nodes.length);
    for (const edge of graph.edges) expect(positions[edge.from]!.y - positions[edge.to]!.y).toBe(NODE_HEIGHT + 48);
    expect(Math.min(...positions.map((position) => position.y))).toBe(0);
    expectNoOverlap(positions);
  });

  it("places definitions that report to no one, or to a missing name, in the top row", () => {
    const graph = graphOf(blueprintWith([["a"], ["b", "nobody"], ["c", "a"]]));
    const positions = layoutDefinitions(graph);
    expect(positions.map((position) => position.y)).toEqual([0, 0, NODE_HEIGHT + 48]);
    expectNoOverlap(positions);
  });

  it("cuts a reporting cycle (and a self-report) at one definition instead of failing", () => {
    const graph = graphOf(
      blueprintWith([
        ["a", "c"],
        ["b", "a"],
        ["c", "b"],
        ["d", "d"],
        ["e", "b"],
      ]),
    );
    expect(layoutParents(graph)).toEqual([-1, 0, 1, -1, 1]);
    const positions = layoutDefinitions(graph);
    expect(positions.map((position) => position.y / (NODE_HEIGHT + 48))).toEqual([0, 1, 2, 0, 2]);
    expectNoOverlap(positions);
  });

  it("lays out 1,000 definitions without overlaps", () => {
    const positions = layoutDefinitions(graphOf(generateBlueprint(1000)));
    expect(new Set(positions.map((position) => position.y)).size).toBe(3);
    expectNoOverlap(positions);
  });
});

describe("createBlueprintAnalyzer", () => {
  it("keeps the positions while an edit leaves the structure alone, and lays out again when it does not", () => {
    const analyze = createBlueprintAnalyzer();
    const marketing = readFileSync("blueprints/marketing.yaml", "utf8");
    const first = analyze(marketing);
    expect(first.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    expect(first.blueprintId).toBe("marketing-v1");
    const renamed = analyze(marketing.replace("name: Marketing Department", "name: Marketing"));
    expect(renamed.positions).toBe(first.positions);
    const moved = analyze(marketing.replace("reports_to: content-lead", "reports_to: marketing-director"));
    expect(moved.positions).not.toBe(first.positions);
    const seo = moved.graph.nodes.findIndex((node) => node.name === "seo-specialist");
    const lead = moved.graph.nodes.findIndex((node) => node.name === "content-lead");
    expect(moved.positions[seo]!.y).toBe(moved.positions[lead]!.y);
  });

  it("reports findings of a broken text and still draws it", () => {
    const analysis = createBlueprintAnalyzer()(blueprintWith([["a"], ["b", "x"]]));
    expect(analysis.findings.some((finding) => finding.severity === "error" && finding.line === 5)).toBe(true);
    expect(analysis.summary).toBeNull();
    expect(analysis.graph.danglingReports).toEqual([{ index: 1, reportsTo: "x" }]);
    expect(analysis.positions).toHaveLength(2);
  });
});
