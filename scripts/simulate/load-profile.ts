// The demo's load profile and what it means for a cluster's metric. Pure, so the shape is tested.
import { FRACTION_METRICS, PER_WORKER_METRICS, type ScalingPolicy } from "../../lib/blueprint/schema";

export interface Phase {
  name: string;
  seconds: number;
  /** Load at the phase's start and end, 0..1; it moves linearly in between. */
  from: number;
  to: number;
}

/** Ramp up, hold a plateau, drop to zero long enough for the demo policy to hibernate, then wake. */
export const DEMO_PROFILE: readonly Phase[] = [
  { name: "ramp up", seconds: 60, from: 0.1, to: 1 },
  { name: "plateau", seconds: 60, from: 1, to: 1 },
  { name: "drop to zero", seconds: 75, from: 0, to: 0 },
  { name: "demand returns", seconds: 45, from: 0.4, to: 0.4 },
];

export const profileSeconds = (profile: readonly Phase[]) => profile.reduce((sum, phase) => sum + phase.seconds, 0);

/** The phase and load `elapsed` seconds into the profile; past its end, the last phase's end. */
export function loadAt(profile: readonly Phase[], elapsed: number): { phase: string; load: number } {
  let start = 0;
  for (const phase of profile) {
    if (elapsed < start + phase.seconds)
      return { phase: phase.name, load: phase.from + ((phase.to - phase.from) * (elapsed - start)) / phase.seconds };
    start += phase.seconds;
  }
  const last = profile.at(-1)!;
  return { phase: last.name, load: last.to };
}

/**
 * The metric value a load means under a policy: full load asks for three quarters of max_workers
 * of a per-worker metric, or half again the target of an average. Zero load is zero, so idle
 * clusters can hibernate.
 */
export function metricValue(policy: Pick<ScalingPolicy, "metric" | "target_value">, maxWorkers: number, load: number): number {
  if (load <= 0) return 0;
  const value = PER_WORKER_METRICS.has(policy.metric) ? load * policy.target_value * maxWorkers * 0.75 : load * policy.target_value * 1.5;
  const capped = FRACTION_METRICS.has(policy.metric) ? Math.min(1, value) : value;
  return Math.round(capped * 1000) / 1000;
}
