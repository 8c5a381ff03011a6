"use client";
// The autoscaler's side of one cluster: its policy in words, whether it runs or is paused, what it
// recommends, what it decided and why. Operators and admins can pause it; viewers see the pause.
import { useHasRole } from "@/components/shell/current-user";
import { Fact } from "@/components/ui/fact";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import type { AutoscalerView } from "@/lib/autoscaler/api-schema";
import { type AutoscalerPause, useAutoscaler } from "@/lib/client/autoscaler-hooks";
import { DecisionList, LatestDecision } from "./autoscaler-decisions";
import { AutoscalerPauseControl } from "./autoscaler-pause-control";

const PAUSE_STATUS: Record<AutoscalerPause, string> = {
  none: "Running",
  all: "Paused: it watches but does not scale",
  scale_in: "Paused for scale-in: it may still scale out",
  scale_out: "Paused for scale-out: it may still scale in",
};

export function AutoscalerPanel({ clusterId }: { clusterId: string }) {
  const autoscaler = useAutoscaler(clusterId);
  return (
    <section aria-labelledby="autoscaler-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="autoscaler-heading" className="text-lg font-semibold">
        Autoscaler
      </h2>
      {autoscaler.data === undefined ? (
        autoscaler.isError ? (
          <ErrorPanel title="The autoscaler could not be loaded" error={autoscaler.error} onRetry={() => void autoscaler.refetch()} />
        ) : (
          <LoadingPanel label="Loading the autoscaler…" />
        )
      ) : autoscaler.data.policy === null ? (
        <EmptyPanel title="The autoscaler leaves this cluster alone">
          The blueprint revision this cluster came from has no <code className="font-mono text-xs">scaling</code> section, so nothing sizes
          its workers automatically: they change only when someone scales the cluster by hand.
        </EmptyPanel>
      ) : (
        <AutoscalerState view={autoscaler.data} />
      )}
    </section>
  );
}

function AutoscalerState({ view }: { view: AutoscalerView }) {
  const canOperate = useHasRole("operator");
  return (
    <>
      <p className="text-slate-700">{view.policy_summary}</p>
      <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact term="Status">
          <span className={view.pause === "none" ? "text-emerald-700" : "font-medium text-amber-800"}>{PAUSE_STATUS[view.pause]}</span>
        </Fact>
        <Fact term="Recommendation">
          {view.recommendation === null ? "none yet" : `${view.recommendation} worker${view.recommendation === 1 ? "" : "s"}`}
        </Fact>
        <Fact term="Last evaluation">{view.last_evaluated_at ? <LocalTime iso={view.last_evaluated_at} /> : "not yet"}</Fact>
        <Fact term="Next evaluation">{view.next_evaluation_at ? <LocalTime iso={view.next_evaluation_at} /> : "not scheduled"}</Fact>
      </dl>
      {canOperate ? (
        <AutoscalerPauseControl clusterId={view.cluster_id} pause={view.pause} />
      ) : (
        <p className="text-sm text-slate-600">Pausing the autoscaler needs the operator role.</p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <LatestDecision decision={view.last_decision} />
        <DecisionList decisions={view.decisions} />
      </div>
    </>
  );
}
