// What the studio shows about a text: its findings, the preview graph with node positions, and the
// summary strip. Pure, so the analysis worker runs it and tests can too.
import { buildDefinitionGraph, type DefinitionGraph } from "@/lib/blueprint/definition-graph";
import { compareFindings, type Finding } from "@/lib/blueprint/finding";
import { type BlueprintSummaryStrip, summarizeBlueprint } from "@/lib/blueprint/summarize-blueprint";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { createDefinitionLayout, type NodePosition } from "./definition-layout";

export interface BlueprintAnalysis {
  text: string;
  findings: Finding[];
  graph: DefinitionGraph;
  /** One position per graph node, in the same order. */
  positions: NodePosition[];
  summary: BlueprintSummaryStrip | null;
  /** The line of the first error when the text does not parse as YAML, for the preview to point at; null when it parses. */
  unparsedLine: number | null;
  /** `metadata.id` when the text is a valid blueprint, for the download's file name. */
  blueprintId: string | null;
  /** How long the analysis took, for the benchmark. */
  ms: number;
}

/** An analyzer that remembers the last layout, so text that keeps the structure keeps every node in place. */
export function createBlueprintAnalyzer(): (text: string) => BlueprintAnalysis {
  const layout = createDefinitionLayout();
  return (text) => {
    const started = performance.now();
    const validation = validateBlueprint(text);
    const findings = [...validation.errors, ...validation.warnings].sort(compareFindings);
    const graph = buildDefinitionGraph(validation.document, findings);
    return {
      text,
      findings,
      graph,
      positions: layout(graph),
      summary: validation.blueprint ? summarizeBlueprint(validation.blueprint) : null,
      unparsedLine: validation.document === undefined && text.trim() !== "" ? (validation.errors[0]?.line ?? 1) : null,
      blueprintId: validation.blueprint?.metadata.id ?? null,
      ms: performance.now() - started,
    };
  };
}
