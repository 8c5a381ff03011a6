// The editor's summary strip: agents per role, the worker range, and the scaling policy in words.
// Worker agents are the cluster's workers, so they are named once, as the cluster's range.
import { countBounds } from "./rules";
import { AGENT_ROLES, type AgentRole, type Blueprint, PER_WORKER_METRICS } from "./schema";

export interface BlueprintSummaryStrip {
  /** Instances per role other than worker. */
  roles: Array<{ role: Exclude<AgentRole, "worker">; min: number; max: number }>;
  /** The cluster's worker range: how many worker agents it runs. */
  workers: { min: number; max: number };
  policy: string;
}

export function summarizeBlueprint(blueprint: Blueprint): BlueprintSummaryStrip {
  const roles = AGENT_ROLES.filter((role) => role !== "worker")
    .map((role) => {
      const bounds = blueprint.agents.filter((agent) => agent.role === role).map((agent) => countBounds(agent.count) ?? { lo: 0, hi: 0 });
      return { role, min: bounds.reduce((sum, b) => sum + b.lo, 0), max: bounds.reduce((sum, b) => sum + b.hi, 0) };
    })
    .filter((entry) => entry.max > 0);
  return { roles, workers: { min: blueprint.cluster.min_workers, max: blueprint.cluster.max_workers }, policy: describePolicy(blueprint) };
}

function describePolicy(blueprint: Blueprint): string {
  const scaling = blueprint.cluster.scaling;
  if (!scaling) return "No autoscaling: the workers stay where operators set them.";
  const target = PER_WORKER_METRICS.has(scaling.metric) ? `${scaling.target_value} per worker` : `${scaling.target_value} on average`;
  const parts = [
    `Keeps ${scaling.metric} at ${target} (±${Math.round(scaling.tolerance * 100)}%)`,
    `scales up after ${scaling.scale_up_stabilization_s} s and down after ${scaling.scale_down_stabilization_s} s of steady demand`,
    `checks every ${scaling.evaluation_interval_s} s`,
  ];
  if (scaling.hibernate_after_idle_s !== undefined) parts.push(`hibernates after ${scaling.hibernate_after_idle_s} s at zero`);
  return `${parts.join(", ")}.`;
}
