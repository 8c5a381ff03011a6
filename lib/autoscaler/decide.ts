// The autoscaler's decision for one cluster at one moment, as Kubernetes' HorizontalPodAutoscaler
// computes it (desired workers from the metric, tolerance, clamp, stabilization windows, rate
// limits up and down) plus KEDA-style activation: an idle cluster hibernates and demand wakes it.
// Pure: the loop gathers the inputs, this says what to do and why, in words.
import { PER_WORKER_METRICS, type ScalingPolicy } from "@/lib/blueprint/schema";
import type { AUTOSCALER_PAUSES } from "./api-schema";

/** Which directions an operator has paused. */
export type AutoscalerPause = (typeof AUTOSCALER_PAUSES)[number];

export interface Recommendation {
  /** Epoch milliseconds. */
  at: number;
  workers: number;
}

export interface DecisionInput {
  now: number;
  policy: ScalingPolicy;
  cluster: {
    status: string;
    currentWorkers: number;
    minWorkers: number;
    maxWorkers: number;
    /** When it last became active (created or reactivated): the size it started with counts as a recommendation made then. */
    startedAt?: Date | null;
  };
  /** The newest value of the policy's metric: a total for per-worker metrics, else a cluster-wide average. */
  metric: { value: number; at: number } | null;
  /** Since when the metric has been at zero without a break; null while it is above zero. */
  idleSince: number | null;
  /** Earlier recommendations, newest last; only those inside a stabilization window matter. */
  history: readonly Recommendation[];
  pause: AutoscalerPause;
}

export type DecisionAction = "none" | "scale" | "hibernate" | "reactivate";

export interface Decision {
  action: DecisionAction;
  /** The worker count to scale or reactivate to; the current count when nothing changes. */
  workers: number;
  /** This evaluation's recommendation, to remember for later windows; null when there was none. */
  recommendation: number | null;
  reason: string;
}

/**
 * Up: at most double, or add at least this many, per evaluation (the HPA's default policy). Down:
 * at most half per evaluation, so an idle cluster steps down gradually before it hibernates.
 */
export const SCALE_UP_MIN_STEP = 4;

/** Evaluation intervals below a second are raised to one: the loop ticks once a second. */
export const evaluationIntervalS = (policy: Pick<ScalingPolicy, "evaluation_interval_s">): number =>
  Math.max(1, policy.evaluation_interval_s);

/** A metric older than this many evaluation intervals counts as missing. */
const STALE_AFTER_INTERVALS = 3;

/** How long a metric's value counts as fresh, for a cluster evaluated every `intervalS` seconds. */
export const freshForMs = (intervalS: number): number => intervalS * 1000 * STALE_AFTER_INTERVALS;

export function decideScale(input: DecisionInput): Decision {
  const { policy, cluster, metric, now, pause } = input;
  const current = cluster.currentWorkers;
  const hold = (reason: string): Decision => ({ action: "none", workers: current, recommendation: null, reason });

  if (pause === "all") return hold("autoscaling is paused");
  if (metric === null || now - metric.at > freshForMs(evaluationIntervalS(policy))) {
    const age = metric === null ? "no value yet" : `the newest value is ${Math.round((now - metric.at) / 1000)} s old`;
    return hold(`no fresh ${policy.metric} (${age}); holding at ${current} workers and never scaling down on missing data`);
  }

  if (cluster.status === "hibernated") return decideActivation(input, metric.value);
  if (cluster.status !== "active") return hold(`the cluster is ${cluster.status}; waiting until it is active`);

  const idleFor = input.idleSince === null ? 0 : now - input.idleSince;
  if (policy.hibernate_after_idle_s !== undefined && metric.value === 0 && idleFor >= policy.hibernate_after_idle_s * 1000) {
    if (pause === "scale_in") return hold(`${policy.metric} has been 0 for ${Math.round(idleFor / 1000)} s, but scaling in is paused`);
    return {
      action: "hibernate",
      workers: 0,
      recommendation: null,
      reason: `${policy.metric} has been 0 for ${Math.round(idleFor / 1000)} s (hibernate_after_idle_s ${policy.hibernate_after_idle_s}); hibernating`,
    };
  }

  const raw = recommend(policy, current, metric.value);
  const clamped = clamp(raw.workers, cluster.minWorkers, cluster.maxWorkers);
  const reasons = [raw.reason];
  if (clamped.limit) reasons.push(clamped.limit);

  const stabilized = stabilize(input, clamped.workers);
  let workers = stabilized.workers;
  if (stabilized.note) reasons.push(stabilized.note);
  const maxUp = Math.max(current * 2, current + SCALE_UP_MIN_STEP);
  if (workers > maxUp) {
    reasons.push(`limited to ${maxUp} by the scale-up rate (double or +${SCALE_UP_MIN_STEP} per evaluation)`);
    workers = maxUp;
  }
  const minDown = Math.floor(current / 2);
  if (workers < minDown) {
    reasons.push(`lowered only to ${minDown} by the scale-down rate (at most half per evaluation)`);
    workers = minDown;
  }

  if (workers > current && pause === "scale_out")
    return { ...hold(`${reasons.join(", ")}; scaling out is paused`), recommendation: clamped.workers };
  if (workers < current && pause === "scale_in")
    return { ...hold(`${reasons.join(", ")}; scaling in is paused`), recommendation: clamped.workers };
  if (workers === current)
    return { action: "none", workers, recommendation: clamped.workers, reason: `${reasons.join(", ")}; staying at ${current}` };
  // The change itself (from, to) travels beside the reason, on the timeline and in the audit line, so the reason does not repeat it.
  return { action: "scale", workers, recommendation: clamped.workers, reason: reasons.join(", ") };
}

/** The HPA's formula, in words: a per-worker total divides by its target, an average scales the current count. */
function recommend(policy: ScalingPolicy, current: number, value: number): { workers: number; reason: string } {
  const perWorker = PER_WORKER_METRICS.has(policy.metric);
  const target = policy.target_value;
  const described = perWorker
    ? `${policy.metric} ${formatNumber(value)} over ${current} worker${current === 1 ? "" : "s"}, target ${formatNumber(target)} per worker`
    : `${policy.metric} ${formatNumber(value)} on average, target ${formatNumber(target)}`;
  // The ratio of where the metric is to where it should be, as the HPA's tolerance check reads it.
  const ratio = perWorker ? (current === 0 ? Infinity : value / current / target) : value / target;
  if (current > 0 && Math.abs(ratio - 1) <= policy.tolerance) {
    return { workers: current, reason: `${described}: within the ${Math.round(policy.tolerance * 100)}% tolerance` };
  }
  const workers = perWorker ? Math.ceil(value / target) : Math.ceil(current * ratio);
  return { workers, reason: `${described} -> ${workers}` };
}

function clamp(workers: number, min: number, max: number): { workers: number; limit?: string } {
  if (workers > max) return { workers: max, limit: `limited to ${max} by max_workers` };
  if (workers < min) return { workers: min, limit: `raised to ${min} by min_workers` };
  return { workers };
}

/**
 * Scaling up takes the lowest recommendation of the up window, scaling down the highest of the
 * down window (this one included), so a short spike or dip does not move the cluster. A cluster
 * that started inside the down window keeps its starting size until the window has passed.
 */
function stabilize(input: DecisionInput, recommendation: number): { workers: number; note?: string } {
  const { policy, now, history, cluster } = input;
  const current = cluster.currentWorkers;
  const started = cluster.startedAt ? [{ at: cluster.startedAt.getTime(), workers: current }] : [];
  const inWindow = (seconds: number) => [
    ...[...started, ...history].filter((entry) => now - entry.at <= seconds * 1000).map((entry) => entry.workers),
    recommendation,
  ];
  const up = Math.min(...inWindow(policy.scale_up_stabilization_s));
  const down = Math.max(...inWindow(policy.scale_down_stabilization_s));
  if (recommendation > current) {
    const workers = Math.max(current, up);
    return workers < recommendation
      ? { workers, note: `held to ${workers} by the ${policy.scale_up_stabilization_s} s scale-up window` }
      : { workers };
  }
  if (recommendation < current) {
    const workers = Math.min(current, down);
    return workers > recommendation
      ? { workers, note: `held at ${workers} by the ${policy.scale_down_stabilization_s} s scale-down window` }
      : { workers };
  }
  return { workers: current };
}

/** A hibernated cluster wakes when its metric rises above zero, to min_workers; the usual scaling takes it from there. */
function decideActivation(input: DecisionInput, value: number): Decision {
  const { policy, cluster, pause } = input;
  if (value <= 0) return { action: "none", workers: 0, recommendation: null, reason: `hibernated; ${policy.metric} is 0` };
  const reason = `${policy.metric} rose to ${formatNumber(value)} while hibernated`;
  if (pause === "scale_out") return { action: "none", workers: 0, recommendation: null, reason: `${reason}, but scaling out is paused` };
  const workers = Math.max(cluster.minWorkers, 1);
  return {
    action: "reactivate",
    workers,
    recommendation: null,
    reason,
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, "");
}
