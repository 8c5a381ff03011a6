// Every error and warning of the text being edited; choosing one moves the editor's cursor there.
import type { Finding } from "@/lib/blueprint/finding";

export function ProblemsPanel({
  findings,
  pending,
  onSelect,
}: {
  findings: readonly Finding[];
  pending: boolean;
  onSelect: (finding: Finding) => void;
}) {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.length - errors;
  return (
    <section aria-labelledby="problems-heading" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="problems-heading" className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 text-sm font-semibold">
        Problems
        <span className="font-normal text-slate-600" aria-live="polite">
          {pending ? "checking…" : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">No problems: the blueprint is valid.</p>
      ) : (
        <ul aria-label="Problems" className="max-h-48 divide-y divide-slate-100 overflow-y-auto text-sm">
          {findings.map((finding, index) => (
            <li key={`${finding.line}:${finding.column}:${index}`}>
              <button
                type="button"
                onClick={() => onSelect(finding)}
                className="flex w-full items-baseline gap-3 px-4 py-2 text-left hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-inset"
              >
                <span className={`text-xs font-semibold uppercase ${finding.severity === "error" ? "text-red-700" : "text-amber-700"}`}>
                  {finding.severity}
                </span>
                <span className="font-mono text-xs text-slate-500">
                  {finding.line}:{finding.column}
                </span>
                <span className="text-slate-900">{finding.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
