// What the autoscaler decided and why: its latest evaluation, whether or not that changed anything,
// and the latest decisions that did change the workers.
import { LocalTime } from "@/components/ui/local-time";
import type { AutoscalerDecisionView } from "@/lib/autoscaler/api-schema";

/** "Scaled out 3 → 5 workers": the action in words, with the change of workers it made; its reason says why, never the change again. */
function describeDecision(decision: AutoscalerDecisionView): string {
  const change = `${decision.from_workers} → ${decision.to_workers} workers`;
  switch (decision.action) {
    case "scale":
      return `${decision.to_workers > decision.from_workers ? "Scaled out" : "Scaled in"} ${change}`;
    case "hibernate":
      return `Hibernated ${change}`;
    case "reactivate":
      return `Reactivated ${change}`;
    case "none":
      return "No change";
  }
}

export function LatestDecision({ decision }: { decision: AutoscalerDecisionView | null }) {
  return (
    <section aria-labelledby="latest-decision-heading" className="space-y-1">
      <h3 id="latest-decision-heading" className="text-sm font-semibold">
        Latest decision
      </h3>
      {decision ? (
        <p className="text-sm">
          <span className="font-medium">{describeDecision(decision)}</span>: <span className="text-slate-700">{decision.reason}</span>{" "}
          <span className="text-xs text-slate-500">
            (<LocalTime iso={decision.at} />)
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-600">The autoscaler has not evaluated this cluster yet.</p>
      )}
    </section>
  );
}

export function DecisionList({ decisions }: { decisions: readonly AutoscalerDecisionView[] }) {
  return (
    <section aria-labelledby="autoscaler-changes-heading" className="space-y-2">
      <h3 id="autoscaler-changes-heading" className="text-sm font-semibold">
        Changes it made
      </h3>
      {decisions.length === 0 ? (
        <p className="text-sm text-slate-600">The autoscaler has not changed the workers yet.</p>
      ) : (
        <ol aria-labelledby="autoscaler-changes-heading" className="space-y-2 border-l border-slate-200 pl-4">
          {decisions.map((decision, index) => (
            <li key={`${decision.at}-${index}`} className="text-sm" data-action={decision.action}>
              <p>
                <span className="font-medium">{describeDecision(decision)}</span>: <span className="text-slate-700">{decision.reason}</span>
              </p>
              <p className="text-xs text-slate-500">
                <LocalTime iso={decision.at} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
