// The studio's preview pane: the hierarchy of the text being edited, or, while the YAML does not
// parse, where to look; reports_to values that name no definition are listed under it.
import { LoadingPanel } from "@/components/ui/status-panels";
import type { BlueprintAnalysis } from "./analyze-blueprint";
import { DefinitionGraphView } from "./definition-graph-view";

export function StudioPreview({ analysis }: { analysis: BlueprintAnalysis | null }) {
  return (
    <section aria-labelledby="preview-heading" className="flex h-[60vh] min-w-0 flex-col rounded-lg border border-slate-200 bg-white">
      <h2 id="preview-heading" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold">
        Hierarchy preview
      </h2>
      <div className="min-h-0 flex-1">
        {!analysis ? (
          <LoadingPanel label="Laying out the hierarchy…" />
        ) : analysis.unparsedLine !== null ? (
          <p className="p-4 text-sm text-slate-600" data-testid="preview-unparsed">
            The preview returns when the YAML parses again: line {analysis.unparsedLine}.
          </p>
        ) : (
          <DefinitionGraphView graph={analysis.graph} positions={analysis.positions} />
        )}
      </div>
      {analysis && analysis.graph.danglingReports.length > 0 ? (
        <p className="border-t border-slate-200 px-4 py-2 text-xs text-red-700">
          {analysis.graph.danglingReports
            .map((report) => `${analysis.graph.nodes[report.index]!.name} reports to "${report.reportsTo}", which is not defined`)
            .join("; ")}
        </p>
      ) : null}
    </section>
  );
}
