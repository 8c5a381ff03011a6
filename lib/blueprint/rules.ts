// The rules of the format that span fields (spec rules 3 to 7 and the warnings). They read the raw
// parsed data defensively, so they still report when other parts of the document are malformed.
import { forbiddenUrlReason } from "@/lib/executors/address-guard";
import { workerTotalRange } from "./distribute-workers";
import type { FindingPath, FindingSeverity } from "./finding";
import { AGENT_ROLES, COUNT_RANGE_PATTERN, FRACTION_METRICS, MAX_COUNT, MAX_WORKERS_LIMIT } from "./schema";
import { didYouMean } from "./suggest";

export interface RuleFinding {
  severity: FindingSeverity;
  path: FindingPath;
  message: string;
  /** Whether to point at the key (for a key that should not be there) or at its value. */
  target?: "key" | "value";
}

type RawAgent = { index: number; raw: Record<string, unknown>; name?: string; role?: string };
type Bounds = { lo: number; hi: number };

const ROLE_RANK: Record<string, number> = { supervisor: 4, lead: 3, specialist: 2, worker: 1 };
const MAX_CORE_AGENTS = 1000;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isWholeNumber = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);
const isWorkerBound = (value: unknown): value is number => isWholeNumber(value) && value >= 0 && value <= MAX_WORKERS_LIMIT;

/** The bounds of a count: an integer n is n-n, a range "a-b" is a-b, no count is 1-1; undefined when malformed. */
export function countBounds(count: unknown): Bounds | undefined {
  if (count === undefined) return { lo: 1, hi: 1 };
  if (isWholeNumber(count)) return count >= 1 && count <= MAX_COUNT ? { lo: count, hi: count } : undefined;
  const range = readRange(count);
  return range && range.lo <= range.hi && range.hi <= MAX_COUNT ? range : undefined;
}

/** A count as the editor shows it: `3` or `2-8`; undefined when malformed. */
export function formatCount(count: unknown): string | undefined {
  const bounds = countBounds(count);
  if (!bounds) return undefined;
  return bounds.lo === bounds.hi ? String(bounds.lo) : `${bounds.lo}-${bounds.hi}`;
}

function readRange(count: unknown): Bounds | undefined {
  const match = typeof count === "string" ? COUNT_RANGE_PATTERN.exec(count) : null;
  return match ? { lo: Number(match[1]), hi: Number(match[2]) } : undefined;
}

export function checkBlueprintRules(value: unknown): RuleFinding[] {
  if (!isRecord(value)) return [];
  const agents = readAgents(value.agents);
  const cluster = isRecord(value.cluster) ? value.cluster : undefined;
  const findings: RuleFinding[] = [];
  const byName = new Map<string, RawAgent>();
  for (const agent of agents) {
    if (agent.name === undefined) continue;
    const first = byName.get(agent.name);
    if (first) {
      findings.push(
        error(["agents", agent.index, "name"], `the name "${agent.name}" is already used by agents[${first.index}]; names must be unique`),
      );
    } else {
      byName.set(agent.name, agent);
    }
  }
  findings.push(...checkCounts(agents));
  // Without readable agent definitions, "agents" has its own finding; these would only echo it.
  if (agents.length > 0) findings.push(...checkSupervisor(agents));
  findings.push(...checkReportsTo(agents, byName));
  if (cluster && agents.length > 0) findings.push(...checkWorkerCapacity(cluster, agents));
  if (cluster) findings.push(...checkScaling(cluster));
  findings.push(...checkCoreAgentTotal(agents));
  findings.push(...checkExecutors(agents, cluster));
  findings.push(...collectWarnings(value, agents, cluster));
  return findings;
}

function readAgents(raw: unknown): RawAgent[] {
  if (!Array.isArray(raw)) return [];
  const agents: RawAgent[] = [];
  raw.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    agents.push({
      index,
      raw: item,
      name: typeof item.name === "string" ? item.name : undefined,
      role: typeof item.role === "string" && (AGENT_ROLES as readonly string[]).includes(item.role) ? item.role : undefined,
    });
  });
  return agents;
}

function error(path: FindingPath, message: string, target?: "key" | "value"): RuleFinding {
  return { severity: "error", path, message, target };
}

function warning(path: FindingPath, message: string): RuleFinding {
  return { severity: "warning", path, message };
}

function checkCounts(agents: RawAgent[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const agent of agents) {
    const count = agent.raw.count;
    const bounds = readRange(count);
    if (!bounds) continue;
    const path = ["agents", agent.index, "count"];
    if (agent.role && agent.role !== "worker") {
      findings.push(error(path, `a range count is allowed for workers only; give this ${agent.role} a whole number`));
    }
    if (bounds.lo > bounds.hi) {
      findings.push(error(path, `the range "${count}" starts above its end; write it as "${bounds.hi}-${bounds.lo}"`));
    }
    if (bounds.hi > MAX_COUNT) {
      findings.push(error(path, `the range "${count}" ends above ${MAX_COUNT}, the most one definition may have`));
    }
  }
  return findings;
}

function checkSupervisor(agents: RawAgent[]): RuleFinding[] {
  const supervisors = agents.filter((agent) => agent.role === "supervisor");
  // An unreadable role may be the misspelt supervisor; its own finding says so.
  const allRolesKnown = agents.every((agent) => agent.role !== undefined);
  if (supervisors.length === 0 && allRolesKnown) {
    return [error(["agents"], 'no agent definition has role "supervisor"; exactly one is required', "key")];
  }
  const findings: RuleFinding[] = [];
  supervisors.slice(1).forEach((extra) => {
    findings.push(
      error(["agents", extra.index, "role"], `only one supervisor is allowed; agents[${supervisors[0]!.index}] is already the supervisor`),
    );
  });
  for (const supervisor of supervisors) {
    const { count, reports_to: reportsTo } = supervisor.raw;
    if (typeof count === "number" && count !== 1) {
      findings.push(error(["agents", supervisor.index, "count"], "the supervisor's count must be 1"));
    }
    if (reportsTo !== undefined) {
      findings.push(error(["agents", supervisor.index, "reports_to"], "the supervisor reports to no one; remove reports_to", "key"));
    }
  }
  return findings;
}

function checkReportsTo(agents: RawAgent[], byName: Map<string, RawAgent>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const parentOf = new Map<RawAgent, RawAgent>();
  for (const agent of agents) {
    const target = agent.raw.reports_to;
    if (typeof target !== "string" || agent.role === "supervisor") continue;
    const path = ["agents", agent.index, "reports_to"];
    if (target === agent.name) {
      findings.push(error(path, "an agent cannot report to itself"));
      continue;
    }
    const parent = byName.get(target);
    if (!parent) {
      findings.push(error(path, `no agent definition is named "${target}"${didYouMean(target, byName.keys())}`));
      continue;
    }
    parentOf.set(agent, parent);
    if (parent.role === "worker") {
      findings.push(error(path, `"${target}" is a worker; no agent may report to a worker`));
    } else if (agent.role && parent.role && ROLE_RANK[parent.role]! < ROLE_RANK[agent.role]!) {
      findings.push(
        error(path, `a ${agent.role} may report only to a definition of equal or higher rank, but "${target}" is a ${parent.role}`),
      );
    }
  }
  findings.push(...findCycles(parentOf));
  return findings;
}

function findCycles(parentOf: Map<RawAgent, RawAgent>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const settled = new Set<RawAgent>();
  for (const start of parentOf.keys()) {
    const trail: RawAgent[] = [];
    let current: RawAgent | undefined = start;
    while (current && !settled.has(current) && !trail.includes(current)) {
      trail.push(current);
      current = parentOf.get(current);
    }
    if (current && !settled.has(current)) {
      const cycle = trail.slice(trail.indexOf(current));
      const names = [...cycle, current].map((agent) => agent.name).join(" -> ");
      const first = cycle.reduce((a, b) => (a.index <= b.index ? a : b));
      findings.push(error(["agents", first.index, "reports_to"], `reports_to forms a cycle: ${names}`));
    }
    trail.forEach((agent) => settled.add(agent));
  }
  return findings;
}

function checkWorkerCapacity(cluster: Record<string, unknown>, agents: RawAgent[]): RuleFinding[] {
  const { min_workers: min, max_workers: max, target_workers: target } = cluster;
  if (!isWorkerBound(min) || !isWorkerBound(max)) return [];
  if (min > max) {
    return [error(["cluster", "min_workers"], `min_workers (${min}) is greater than max_workers (${max})`)];
  }
  const findings: RuleFinding[] = [];
  if (isWorkerBound(target) && (target < min || target > max)) {
    findings.push(
      error(["cluster", "target_workers"], `target_workers (${target}) must lie within min_workers and max_workers [${min}, ${max}]`),
    );
  }
  const groups = agents.filter((agent) => agent.role === "worker").map((agent) => countBounds(agent.raw.count));
  if (groups.some((bounds) => bounds === undefined)) return findings;
  const { min: sumLo, max: sumHi } = workerTotalRange(groups as Bounds[]);
  if (sumLo > min) {
    findings.push(
      error(
        ["cluster", "min_workers"],
        `min_workers (${min}) is ${sumLo - min} below the ${sumLo} workers the worker groups need at least (the sum of their lower bounds); ` +
          `raise min_workers to ${sumLo} or lower the worker groups' minimums by ${sumLo - min}`,
      ),
    );
  }
  if (max > sumHi) {
    findings.push(
      error(
        ["cluster", "max_workers"],
        `max_workers (${max}) is ${max - sumHi} above the ${sumHi} workers the worker groups can hold (the sum of their upper bounds); ` +
          `lower max_workers to ${sumHi} or raise the worker groups' upper bounds by ${max - sumHi}`,
      ),
    );
  }
  return findings;
}

function checkScaling(cluster: Record<string, unknown>): RuleFinding[] {
  const scaling = cluster.scaling;
  if (!isRecord(scaling) || typeof scaling.metric !== "string" || !FRACTION_METRICS.has(scaling.metric)) return [];
  const target = scaling.target_value;
  if (typeof target === "number" && target > 1) {
    return [
      error(["cluster", "scaling", "target_value"], `${scaling.metric} is a fraction; target_value must lie in (0, 1], for example 0.7`),
    ];
  }
  return [];
}

function checkCoreAgentTotal(agents: RawAgent[]): RuleFinding[] {
  let total = 0;
  for (const agent of agents) {
    if (agent.role === "worker" || agent.role === undefined) continue;
    total += countBounds(agent.raw.count)?.hi ?? 0;
  }
  return total > MAX_CORE_AGENTS
    ? [error(["agents"], `the non-worker agents number ${total}; at most ${MAX_CORE_AGENTS} are allowed in one cluster`, "key")]
    : [];
}

/** The executor every definition without its own falls back to, as written. */
function clusterExecutor(cluster: Record<string, unknown> | undefined): unknown {
  return cluster && isRecord(cluster.config) ? cluster.config.executor : undefined;
}

/**
 * Executor URLs whose literal host is link-local or a cloud metadata address are errors where they
 * are written; host names are checked as they resolve, when the console calls them.
 */
function checkExecutors(agents: RawAgent[], cluster: Record<string, unknown> | undefined): RuleFinding[] {
  const located: [FindingPath, unknown][] = [
    [["cluster", "config", "executor"], clusterExecutor(cluster)],
    ...agents.map((agent): [FindingPath, unknown] => [["agents", agent.index, "executor"], agent.raw.executor]),
  ];
  const findings: RuleFinding[] = [];
  for (const [path, executor] of located) {
    if (!isRecord(executor)) continue;
    for (const key of ["url", "base_url"]) {
      const url = executor[key];
      const reason = typeof url === "string" ? forbiddenUrlReason(url) : undefined;
      if (reason) findings.push(error([...path, key], `${reason}; the console never calls link-local or cloud metadata addresses`));
    }
  }
  return findings;
}

function collectWarnings(value: Record<string, unknown>, agents: RawAgent[], cluster?: Record<string, unknown>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const agent of agents) {
    const capabilities = agent.raw.capabilities;
    if (capabilities === undefined || (Array.isArray(capabilities) && capabilities.length === 0)) {
      findings.push(warning(["agents", agent.index, "name"], `"${agent.name ?? `agents[${agent.index}]`}" lists no capabilities`));
    }
    if (agent.raw.executor === undefined && clusterExecutor(cluster) === undefined) {
      findings.push(
        warning(
          ["agents", agent.index, "name"],
          `"${agent.name ?? `agents[${agent.index}]`}" has no executor (neither its own nor cluster.config.executor); its tasks would fail`,
        ),
      );
    }
  }
  if (cluster && isRecord(cluster.scaling) && cluster.min_workers === cluster.max_workers) {
    findings.push(warning(["cluster", "scaling"], "min_workers equals max_workers, so the scaling section has nothing to scale"));
  }
  const tags = isRecord(value.metadata) ? value.metadata.tags : undefined;
  if (Array.isArray(tags)) {
    const seen = new Set<unknown>();
    tags.forEach((tag, index) => {
      if (seen.has(tag)) findings.push(warning(["metadata", "tags", index], `the tag "${String(tag)}" is listed twice`));
      seen.add(tag);
    });
  }
  return findings;
}
