// planWorkerChange: which workers to start, wake or stop so a cluster holds a worker total, always
// through distributeWorkers. Pure: the services apply its answer to the database and the runtime.
import { distributeWorkers } from "@/lib/blueprint/distribute-workers";
import { instanceNames } from "@/lib/blueprint/plan";
import { countBounds } from "@/lib/blueprint/rules";
import type { AgentDefinition, Blueprint } from "@/lib/blueprint/schema";

export interface PoolAgent {
  id: string;
  name: string;
  definition: string;
  ordinal: number;
  role: string;
  status: string;
  /** Runs tasks now: stopping it would send them back to the queue, so idle workers go first. */
  busy?: boolean;
}

export interface NewWorker {
  name: string;
  definition: AgentDefinition;
  ordinal: number;
  supervisorId: string | null;
}

export interface WorkerChange {
  start: NewWorker[];
  wake: PoolAgent[];
  stop: PoolAgent[];
}

const RUNNING = new Set(["active", "starting"]);
/** Workers that can be brought back, in the order they are preferred. */
const WAKE_ORDER = ["hibernated", "inactive", "failed"];

export function workerDefinitions(blueprint: Blueprint): AgentDefinition[] {
  return blueprint.agents.filter((agent) => agent.role === "worker");
}

export function planWorkerChange(blueprint: Blueprint, agents: readonly PoolAgent[], total: number): WorkerChange {
  const groups = workerDefinitions(blueprint);
  const wanted = distributeWorkers(
    groups.map((group) => countBounds(group.count)!),
    total,
  );
  const change: WorkerChange = { start: [], wake: [], stop: [] };
  groups.forEach((group, index) => {
    const members = agents.filter((agent) => agent.definition === group.name);
    const running = members.filter((agent) => RUNNING.has(agent.status)).sort((a, b) => a.ordinal - b.ordinal);
    const want = wanted[index]!;
    if (want < running.length) {
      // Idle before busy on the way down, newest first among equals.
      const stopFirst = [...running].sort((a, b) => Number(a.busy ?? false) - Number(b.busy ?? false) || b.ordinal - a.ordinal);
      change.stop.push(...stopFirst.slice(0, running.length - want));
      return;
    }
    const sleeping = members
      .filter((agent) => WAKE_ORDER.includes(agent.status))
      .sort((a, b) => WAKE_ORDER.indexOf(a.status) - WAKE_ORDER.indexOf(b.status) || a.ordinal - b.ordinal);
    const woken = sleeping.slice(0, want - running.length);
    change.wake.push(...woken);
    const missing = want - running.length - woken.length;
    if (missing === 0) return;
    const firstOrdinal = Math.max(0, ...members.map((agent) => agent.ordinal)) + 1;
    const parents = supervisorsOf(blueprint, group, agents);
    instanceNames(group, missing, firstOrdinal).forEach((name, offset) => {
      const ordinal = firstOrdinal + offset;
      change.start.push({
        name,
        definition: group,
        ordinal,
        supervisorId: parents.length ? parents[(ordinal - 1) % parents.length]!.id : null,
      });
    });
  });
  return change;
}

/** The live instances of the definition a group reports to, in spawn order. */
function supervisorsOf(blueprint: Blueprint, group: AgentDefinition, agents: readonly PoolAgent[]): PoolAgent[] {
  const parentName = group.reports_to ?? blueprint.agents.find((agent) => agent.role === "supervisor")!.name;
  return agents.filter((agent) => agent.definition === parentName && agent.status !== "stopped").sort((a, b) => a.ordinal - b.ordinal);
}
