"use client";
// The validator and the preview's layout for the latest text, computed in a Web Worker (the same
// code the API runs, no server round trip) so that neither typing nor the page's first paint waits.
import { useEffect, useRef, useState } from "react";
import type { BlueprintAnalysis } from "./analyze-blueprint";

export interface BlueprintAnalysisState {
  /** The newest analysis that arrived; null until the first one does. */
  analysis: BlueprintAnalysis | null;
  /** True while the text on screen is newer than the analysis shown. */
  pending: boolean;
  /** Set when the worker itself failed, so the page can say that live checks stopped. */
  failure: string | null;
}

export function useBlueprintAnalysis(text: string): BlueprintAnalysisState {
  const [analysis, setAnalysis] = useState<BlueprintAnalysis | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);

  useEffect(() => {
    const created = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
    created.onmessage = (event: MessageEvent<BlueprintAnalysis>) => setAnalysis(event.data);
    created.onerror = (event) => setFailure(event.message || "the analysis worker failed");
    worker.current = created;
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    worker.current?.postMessage(text);
  }, [text]);

  return { analysis, pending: analysis?.text !== text, failure };
}
