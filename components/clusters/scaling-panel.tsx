"use client";
// Manual scaling: a slider and a number over [min_workers, max_workers] that show, before anything
// is sent, how the workers would spread over the worker groups. A large change asks first. When the
// autoscaler manages the workers the card says so, and applying asks whether to pause it.
import { useId, useState } from "react";
import { useHasRole } from "@/components/shell/current-user";
import { buttonClass, primaryButtonClass } from "@/components/ui/control-classes";
import { type AutoscalerPause, useAutoscaler } from "@/lib/client/autoscaler-hooks";
import { useScaleCluster } from "@/lib/client/cluster-mutations";
import type { ClusterView, ScaleAutoscalerChoice } from "@/lib/cluster/api-schema";
import { actionRefusal } from "@/lib/cluster/state-machine";
import { AUTOSCALER_PAUSE_ANCHOR } from "./autoscaler-pause-control";
import { spreadWorkers, useWorkerGroups, type WorkerGroup } from "./use-worker-groups";

/** A change of at least this many workers, or to double or half, is confirmed first. */
const LARGE_CHANGE = 10;

export function isLargeChange(from: number, to: number): boolean {
  return Math.abs(to - from) >= LARGE_CHANGE || (from > 0 && (to >= from * 2 || to * 2 <= from) && Math.abs(to - from) >= 3);
}

/** Why scaling is not possible right now, or null when it is (the state machine decides; the words are for people). */
export function scalingBlockedReason(cluster: Pick<ClusterView, "status">, canOperate: boolean): string | null {
  if (!canOperate) return "Scaling needs the operator role.";
  if (cluster.status === "hibernated") return "The cluster is hibernated: reactivate it to scale.";
  return actionRefusal(cluster.status, "scale") === null ? null : `The cluster is ${cluster.status}: scaling waits until it is active.`;
}

/** Whether the autoscaler may change the workers a person sets: it has a policy and is not paused for both directions. */
function autoscalerManages(autoscaler: { policy: unknown; pause: AutoscalerPause } | undefined): boolean {
  return autoscaler !== undefined && autoscaler.policy !== null && autoscaler.pause !== "all";
}

export function ScalingPanel({ cluster }: { cluster: ClusterView }) {
  const canOperate = useHasRole("operator");
  const groups = useWorkerGroups(cluster);
  const scale = useScaleCluster(cluster);
  const autoscaler = useAutoscaler(cluster.id).data;
  const managed = autoscalerManages(autoscaler);
  // The draft follows the cluster until the user moves it (React's pattern for state derived from props).
  const [draft, setDraft] = useState({ base: cluster.target_workers, value: cluster.target_workers, touched: false });
  // The choice about the autoscaler waiting for a large change to be confirmed.
  const [confirming, setConfirming] = useState<ScaleAutoscalerChoice | null>(null);
  if (draft.base !== cluster.target_workers && !draft.touched)
    setDraft({ base: cluster.target_workers, value: cluster.target_workers, touched: false });
  const ids = { slider: useId(), number: useId(), reason: useId() };

  const blocked = scalingBlockedReason(cluster, canOperate);
  const target = draft.value;
  const changed = target !== cluster.target_workers;
  const setTarget = (value: number) => {
    setConfirming(null);
    setDraft({ base: cluster.target_workers, value: Math.min(cluster.max_workers, Math.max(cluster.min_workers, value)), touched: true });
  };
  const apply = (choice: ScaleAutoscalerChoice) => {
    if (isLargeChange(cluster.target_workers, target) && confirming === null) {
      setConfirming(choice);
      return;
    }
    setConfirming(null);
    // A refused or failed scale keeps the chosen target on screen, ready to try again.
    scale.mutate({ target, autoscaler: choice }, { onSuccess: () => setDraft((current) => ({ ...current, touched: false })) });
  };
  const applyDisabled = blocked !== null || !changed || scale.isPending;

  return (
    <section aria-labelledby="scaling-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="scaling-heading" className="text-lg font-semibold">
        Scaling
      </h2>
      {!canOperate ? (
        <p className="text-sm text-slate-600">{blocked}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-4">
            <label htmlFor={ids.slider} className="text-sm font-medium">
              Target workers
            </label>
            <input
              id={ids.slider}
              type="range"
              min={cluster.min_workers}
              max={cluster.max_workers}
              step={1}
              value={target}
              disabled={blocked !== null}
              aria-describedby={blocked ? ids.reason : undefined}
              aria-valuetext={`${target} workers`}
              onChange={(event) => setTarget(Number(event.target.value))}
              className="w-64 accent-brand"
            />
            <input
              id={ids.number}
              type="number"
              aria-label="Target workers (number)"
              min={cluster.min_workers}
              max={cluster.max_workers}
              value={target}
              disabled={blocked !== null}
              onChange={(event) => event.target.value !== "" && setTarget(Math.round(Number(event.target.value)))}
              className="w-24 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums"
            />
            <span className="text-sm text-slate-500">
              {cluster.min_workers} to {cluster.max_workers}
            </span>
          </div>
          {blocked ? (
            <p id={ids.reason} className="text-sm text-amber-800">
              {blocked}
            </p>
          ) : null}
          <WorkerSpread groups={groups} from={cluster.target_workers} to={target} />
          {managed && autoscaler ? (
            <p data-testid="autoscaler-owns-workers" className="rounded-md bg-violet-50 px-3 py-2 text-sm text-violet-950">
              <span className="font-medium">The autoscaler manages this cluster&apos;s workers.</span> {autoscaler.policy_summary} A size
              you set may be changed back at its next evaluation unless you pause it: choose below when you scale, or use the{" "}
              <a href={`#${AUTOSCALER_PAUSE_ANCHOR}`} className="font-medium underline">
                autoscaler&apos;s pause control
              </a>
              .
            </p>
          ) : null}
          {confirming !== null ? (
            <div
              role="alert"
              className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
              onKeyDown={(event) => event.key === "Escape" && setConfirming(null)}
            >
              Scale from {cluster.target_workers} to {target} workers? That is a large change.
              <button type="button" className={primaryButtonClass} onClick={() => apply(confirming)} autoFocus>
                Yes, scale to {target}
                {confirming === "pause" ? " and pause the autoscaler" : ""}
              </button>
              <button type="button" className={buttonClass} onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          ) : (
            <div className="flex flex-wrap gap-3">
              {managed ? (
                <>
                  <button type="button" className={primaryButtonClass} disabled={applyDisabled} onClick={() => apply("pause")}>
                    {scale.isPending ? "Scaling…" : `Scale to ${target} and pause the autoscaler`}
                  </button>
                  <button type="button" className={buttonClass} disabled={applyDisabled} onClick={() => apply("keep")}>
                    Scale to {target} once; the autoscaler may change it
                  </button>
                </>
              ) : (
                <button type="button" className={primaryButtonClass} disabled={applyDisabled} onClick={() => apply("keep")}>
                  {scale.isPending ? "Scaling…" : changed ? `Scale to ${target}` : "Scale"}
                </button>
              )}
              {changed ? (
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => setDraft({ base: cluster.target_workers, value: cluster.target_workers, touched: false })}
                >
                  Reset
                </button>
              ) : null}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Workers per group now and at the new target, so the effect is visible before it happens. */
function WorkerSpread({ groups, from, to }: { groups: WorkerGroup[] | undefined; from: number; to: number }) {
  if (groups === undefined) return <p className="text-sm text-slate-500">Loading the worker groups…</p>;
  const before = spreadWorkers(groups, from);
  const after = spreadWorkers(groups, to);
  if (!after) return <p className="text-sm text-red-700">The worker groups cannot hold {to} workers.</p>;
  return (
    <ul aria-label="Workers per group" className="flex flex-wrap gap-2 text-sm">
      {groups.map((group, index) => {
        const now = before?.[index];
        const next = after[index]!;
        return (
          <li
            key={group.name}
            data-testid={`spread-${group.name}`}
            className={`rounded-md border px-2 py-1 ${now !== next ? "border-brand bg-blue-50" : "border-slate-200"}`}
          >
            {group.name} <span className="tabular-nums">{now === undefined || now === next ? next : `${now} → ${next}`}</span>{" "}
            <span className="text-xs text-slate-500">
              ({group.lo}-{group.hi})
            </span>
          </li>
        );
      })}
    </ul>
  );
}
