"use client";
// Pausing the autoscaler, for operators and admins: all of it, or one direction while people handle
// the cluster by hand. The latest choice shows, marked as saving, until the server answers; the
// radios stay enabled so keyboard focus is never lost mid-choice.
import { useState } from "react";
import { SegmentedControl, type SegmentedOption } from "@/components/ui/segmented-control";
import { type AutoscalerPause, useSetAutoscalerPause } from "@/lib/client/autoscaler-hooks";

const PAUSE_OPTIONS: ReadonlyArray<SegmentedOption<AutoscalerPause>> = [
  { value: "none", label: "Running" },
  { value: "all", label: "Pause all" },
  { value: "scale_in", label: "Pause scale-in only" },
  { value: "scale_out", label: "Pause scale-out only" },
];

/** The element id the Scaling card links to when the autoscaler manages the workers. */
export const AUTOSCALER_PAUSE_ANCHOR = "autoscaler-pause";

export function AutoscalerPauseControl({ clusterId, pause }: { clusterId: string; pause: AutoscalerPause }) {
  const setPause = useSetAutoscalerPause(clusterId);
  // Set in the change event itself: React puts a controlled radio back to its prop right after the
  // event, before the mutation's pending state arrives, and the click would seem to do nothing.
  const [chosen, setChosen] = useState<AutoscalerPause>(pause);
  const shown = setPause.isPending ? chosen : pause;
  return (
    <div id={AUTOSCALER_PAUSE_ANCHOR} className="flex scroll-mt-24 flex-wrap items-center gap-3">
      <SegmentedControl
        label="Autoscaler pause"
        value={shown}
        options={PAUSE_OPTIONS}
        onChange={(next) => {
          setChosen(next);
          setPause.mutate(next);
        }}
      />
      <span role="status" className="text-sm text-slate-600">
        {setPause.isPending ? "Saving…" : ""}
      </span>
    </div>
  );
}
