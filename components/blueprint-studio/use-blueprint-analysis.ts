"use client";
// The validator and the preview, run in the browser 150 ms after the last keystroke: the same
// code the API runs, no server round trip.
import { useEffect, useState } from "react";
import { buildDefinitionGraph, type DefinitionGraph } from "@/lib/blueprint/definition-graph";
import { compareFindings, type Finding } from "@/lib/blueprint/finding";
import { type BlueprintSummaryStrip, summarizeBlueprint } from "@/lib/blueprint/summarize-blueprint";
import { type BlueprintValidation, validateBlueprint } from "@/lib/blueprint/validate";

const DEBOUNCE_MS = 150;

export interface BlueprintAnalysis {
  text: string;
  validation: BlueprintValidation;
  findings: Finding[];
  graph: DefinitionGraph;
  summary: BlueprintSummaryStrip | null;
  /** How long validation and the preview's data took, for the benchmark. */
  ms: number;
}

export function analyzeBlueprint(text: string): BlueprintAnalysis {
  const started = performance.now();
  const validation = validateBlueprint(text);
  const findings = [...validation.errors, ...validation.warnings].sort(compareFindings);
  const graph = buildDefinitionGraph(validation.document, findings);
  const summary = validation.blueprint ? summarizeBlueprint(validation.blueprint) : null;
  return { text, validation, findings, graph, summary, ms: performance.now() - started };
}

/** The analysis of the latest text; `pending` while a newer text waits for its turn. */
export function useBlueprintAnalysis(text: string): { analysis: BlueprintAnalysis; pending: boolean } {
  const [analysis, setAnalysis] = useState(() => analyzeBlueprint(text));
  useEffect(() => {
    if (analysis.text === text) return;
    const timer = setTimeout(() => setAnalysis(analyzeBlueprint(text)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, analysis.text]);
  return { analysis, pending: analysis.text !== text };
}
