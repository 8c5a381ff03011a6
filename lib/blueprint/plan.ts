// planCluster: the spawn plan of a valid blueprint, the agent instances with their names, roles
// and supervisors (spec: "From blueprint to agents").
import { InvalidInputError } from "@/lib/errors";
import { distributeWorkers, type WorkerGroupBounds, workerTotalRange } from "./distribute-workers";
import { countBounds } from "./rules";
import { type AgentDefinition, type AgentRole, type Blueprint, MAX_WORKERS_LIMIT } from "./schema";

export interface ClusterOverrides {
  min_workers?: number;
  max_workers?: number;
  target_workers?: number;
}

export interface PlannedAgent {
  name: string;
  definition: string;
  role: AgentRole;
  /** The instance name of the supervisor; null for the cluster's supervisor. */
  supervisor: string | null;
}

export interface WorkerGroupPlan {
  definition: string;
  lo: number;
  hi: number;
  count: number;
}

export interface ClusterPlan {
  min_workers: number;
  max_workers: number;
  target_workers: number;
  total_agents: number;
  worker_groups: WorkerGroupPlan[];
  agents: PlannedAgent[];
}

export interface PlanIssue {
  path: string;
  message: string;
}

/** Overrides that the blueprint's worker groups cannot realize. */
export class ClusterPlanError extends InvalidInputError {
  override name = "ClusterPlanError";
  constructor(readonly issues: PlanIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), issues);
  }
}

export function planCluster(blueprint: Blueprint, overrides: ClusterOverrides = {}): ClusterPlan {
  const workerDefinitions = blueprint.agents.filter((agent) => agent.role === "worker");
  const groupBounds = workerDefinitions.map((agent) => boundsOf(agent));
  const settings = resolveWorkerSettings(blueprint, overrides, groupBounds);
  const workerCounts = distributeWorkers(groupBounds, settings.target_workers);
  const worker_groups = workerDefinitions.map((agent, index) => ({
    definition: agent.name,
    ...groupBounds[index]!,
    count: workerCounts[index]!,
  }));
  const instanceCount = new Map<string, number>(blueprint.agents.map((agent) => [agent.name, boundsOf(agent).lo]));
  for (const group of worker_groups) instanceCount.set(group.definition, group.count);

  const agents: PlannedAgent[] = [];
  const instancesOf = new Map<string, string[]>();
  const supervisorName = blueprint.agents.find((agent) => agent.role === "supervisor")!.name;
  for (const definition of spawnOrder(blueprint.agents, supervisorName)) {
    const count = instanceCount.get(definition.name)!;
    const parentInstances = definition.role === "supervisor" ? [] : instancesOf.get(definition.reports_to ?? supervisorName)!;
    const names = instanceNames(definition, count);
    names.forEach((name, index) => {
      const supervisor = parentInstances.length === 0 ? null : parentInstances[index % parentInstances.length]!;
      agents.push({ name, definition: definition.name, role: definition.role, supervisor });
    });
    instancesOf.set(definition.name, names);
  }
  return { ...settings, total_agents: agents.length, worker_groups, agents };
}

function boundsOf(agent: AgentDefinition) {
  return countBounds(agent.count)!;
}

/** "NAME" when a definition can only ever have one instance, else "NAME-1", "NAME-2", ... */
export function instanceNames(definition: AgentDefinition, count: number, firstOrdinal = 1): string[] {
  const bounds = boundsOf(definition);
  if (bounds.lo === 1 && bounds.hi === 1) return count === 1 ? [definition.name] : [];
  return Array.from({ length: count }, (_, index) => `${definition.name}-${firstOrdinal + index}`);
}

/** Parents before children, otherwise in declaration order. */
function spawnOrder(definitions: AgentDefinition[], supervisorName: string): AgentDefinition[] {
  const placed = new Set<string>();
  const order: AgentDefinition[] = [];
  let remaining = definitions;
  while (remaining.length > 0) {
    const ready = remaining.filter((definition) => definition.role === "supervisor" || placed.has(definition.reports_to ?? supervisorName));
    if (ready.length === 0) throw new Error("reports_to links do not lead to the supervisor; validate the blueprint first");
    for (const definition of ready) {
      placed.add(definition.name);
      order.push(definition);
    }
    remaining = remaining.filter((definition) => !placed.has(definition.name));
  }
  return order;
}

/** Whether `min_workers`/`max_workers` are in order and realizable by the worker groups. */
export function checkWorkerBounds(groups: readonly WorkerGroupBounds[], min: number, max: number): PlanIssue[] {
  const range = workerTotalRange(groups);
  const issues: PlanIssue[] = [];
  if (min > max) issues.push({ path: "min_workers", message: `min_workers (${min}) is greater than max_workers (${max})` });
  if (min < range.min) {
    issues.push({
      path: "min_workers",
      message: `min_workers (${min}) is below the ${range.min} workers the blueprint's worker groups need at least`,
    });
  }
  if (max > range.max) {
    issues.push({
      path: "max_workers",
      message: `max_workers (${max}) is above the ${range.max} workers the blueprint's worker groups can hold`,
    });
  }
  return issues;
}

function resolveWorkerSettings(
  blueprint: Blueprint,
  overrides: ClusterOverrides,
  groups: readonly WorkerGroupBounds[],
): Pick<ClusterPlan, "min_workers" | "max_workers" | "target_workers"> {
  const min = overrides.min_workers ?? blueprint.cluster.min_workers;
  const max = overrides.max_workers ?? blueprint.cluster.max_workers;
  const declaredTarget = blueprint.cluster.target_workers ?? blueprint.cluster.min_workers;
  const target = overrides.target_workers ?? Math.min(Math.max(declaredTarget, min), max);
  const issues: PlanIssue[] = [];
  for (const [field, value] of Object.entries({ min_workers: min, max_workers: max, target_workers: target })) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_WORKERS_LIMIT) {
      issues.push({ path: field, message: `${field} must be a whole number from 0 to ${MAX_WORKERS_LIMIT}` });
    }
  }
  if (issues.length > 0) throw new ClusterPlanError(issues);
  issues.push(...checkWorkerBounds(groups, min, max));
  // With the bounds out of order there is no range to name; that is the finding, not a target nobody typed.
  if (min <= max && (target < min || target > max)) {
    issues.push({ path: "target_workers", message: `target_workers (${target}) must lie within [${min}, ${max}]` });
  }
  if (issues.length > 0) throw new ClusterPlanError(issues);
  return { min_workers: min, max_workers: max, target_workers: target };
}
