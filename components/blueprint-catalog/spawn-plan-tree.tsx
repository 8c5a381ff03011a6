// The agents a blueprint spawns at its target size, as a tree under the supervisor.
import type { ClusterPlan, PlannedAgent } from "@/lib/blueprint/plan";
import { AGENT_ROLES } from "@/lib/blueprint/schema";

const ROLE_STYLE: Record<PlannedAgent["role"], string> = {
  supervisor: "bg-indigo-100 text-indigo-800",
  lead: "bg-sky-100 text-sky-800",
  specialist: "bg-amber-100 text-amber-800",
  worker: "bg-emerald-100 text-emerald-800",
};

export function SpawnPlanTree({ plan }: { plan: ClusterPlan }) {
  const childrenOf = new Map<string | null, PlannedAgent[]>();
  const perRole = new Map<PlannedAgent["role"], number>();
  for (const agent of plan.agents) {
    perRole.set(agent.role, (perRole.get(agent.role) ?? 0) + 1);
    const siblings = childrenOf.get(agent.supervisor) ?? [];
    siblings.push(agent);
    childrenOf.set(agent.supervisor, siblings);
  }
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">
        {plan.total_agents} agents at {plan.target_workers} workers (the cluster scales between {plan.min_workers} and {plan.max_workers}{" "}
        workers).
      </p>
      <dl aria-label="Agents per role" className="flex flex-wrap gap-2 text-xs">
        {AGENT_ROLES.filter((role) => perRole.has(role)).map((role) => (
          <div key={role} className={`flex gap-1 rounded px-1.5 py-0.5 ${ROLE_STYLE[role]}`}>
            <dt>{role}</dt>
            <dd className="font-semibold">{perRole.get(role)}</dd>
          </div>
        ))}
      </dl>
      <ul aria-label="Spawn plan" className="text-sm">
        <PlanBranch parent={null} childrenOf={childrenOf} />
      </ul>
    </div>
  );
}

function PlanBranch({ parent, childrenOf }: { parent: string | null; childrenOf: Map<string | null, PlannedAgent[]> }) {
  return (childrenOf.get(parent) ?? []).map((agent) => {
    const children = childrenOf.get(agent.name);
    return (
      <li key={agent.name} className="py-0.5">
        <span className="font-medium">{agent.name}</span>{" "}
        <span className={`rounded px-1.5 py-0.5 text-xs ${ROLE_STYLE[agent.role]}`}>{agent.role}</span>
        {children ? (
          <ul className="ml-5 border-l border-slate-200 pl-3">
            <PlanBranch parent={agent.name} childrenOf={childrenOf} />
          </ul>
        ) : null}
      </li>
    );
  });
}
