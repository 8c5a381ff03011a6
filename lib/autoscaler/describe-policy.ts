// A scaling policy in words, for the autoscaler panel and the API.
import { FRACTION_METRICS, PER_WORKER_METRICS, type ScalingPolicy } from "@/lib/blueprint/schema";
import { evaluationIntervalS, SCALE_UP_MIN_STEP } from "./decide";

export function describePolicy(policy: ScalingPolicy | null): string {
  if (!policy) return "The blueprint has no scaling section: the autoscaler leaves this cluster's workers alone.";
  const target = PER_WORKER_METRICS.has(policy.metric)
    ? `${policy.metric} at about ${policy.target_value} per worker`
    : `${policy.metric} at about ${FRACTION_METRICS.has(policy.metric) ? `${Math.round(policy.target_value * 100)}%` : policy.target_value} on average`;
  const sentences = [
    `Keeps ${target} (within ${Math.round(policy.tolerance * 100)}%), looking every ${seconds(evaluationIntervalS(policy))}.`,
    `Scales up ${policy.scale_up_stabilization_s === 0 ? "at once" : `on the lowest recommendation of the last ${seconds(policy.scale_up_stabilization_s)}`} (at most double or +${SCALE_UP_MIN_STEP} at a time), down on the highest of the last ${seconds(policy.scale_down_stabilization_s)} (at most half at a time).`,
    policy.hibernate_after_idle_s === undefined
      ? "Never hibernates on its own."
      : `Hibernates after ${seconds(policy.hibernate_after_idle_s)} at 0 and wakes when ${policy.metric} rises above 0.`,
  ];
  return sentences.join(" ");
}

function seconds(value: number): string {
  if (value >= 3600 && value % 3600 === 0) return `${value / 3600} h`;
  if (value >= 60 && value % 60 === 0) return `${value / 60} min`;
  return `${value} s`;
}
