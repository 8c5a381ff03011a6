// One line about the blueprint being edited: agents per role, the worker range, the scaling policy.
import type { BlueprintSummaryStrip } from "@/lib/blueprint/summarize-blueprint";

export function SummaryStrip({ summary }: { summary: BlueprintSummaryStrip }) {
  return (
    <dl
      aria-label="Blueprint summary"
      className="flex flex-wrap gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm text-slate-700"
    >
      {summary.roles.map(({ role, min, max }) => (
        <div key={role} className="flex gap-1">
          <dt className="text-slate-500">{role}</dt>
          <dd className="font-medium text-slate-900">{min === max ? min : `${min}-${max}`}</dd>
        </div>
      ))}
      <div className="flex gap-1">
        <dt className="text-slate-500">workers</dt>
        <dd className="font-medium text-slate-900">
          {summary.workers.min}-{summary.workers.max}
        </dd>
      </div>
      <div className="flex basis-full gap-1">
        <dt className="sr-only">scaling</dt>
        <dd>{summary.policy}</dd>
      </div>
    </dl>
  );
}
