// Starting agents through the runtime from their stored rows.
import type { Agent } from "@/lib/generated/prisma/client";
import type { AgentRuntime, RuntimeAgent } from "@/lib/runtime/agent-runtime";
import { parseAgentJsonColumns } from "./cluster-record";

/** The stored fields an agent is started from; rows just inserted carry them too. */
type StartableAgent = Pick<Agent, "id" | "clusterId" | "name" | "definition" | "role" | "capabilitiesJson" | "skillsJson" | "configJson">;

export function toRuntimeAgent(agent: StartableAgent): RuntimeAgent {
  return {
    agentId: agent.id,
    clusterId: agent.clusterId,
    name: agent.name,
    definition: agent.definition,
    role: agent.role,
    ...parseAgentJsonColumns(agent),
  };
}

/**
 * Wakes agents: one this runtime keeps asleep resumes, any other starts from its row (it slept in
 * another instance, or was stopped). Returns the ids of those that failed.
 */
export async function wakeAgents(runtime: AgentRuntime, agents: readonly StartableAgent[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(
    agents.map(async (agent) =>
      (await runtime.status(agent.id)) === "hibernated" ? runtime.resume(agent.id) : runtime.start(toRuntimeAgent(agent)),
    ),
  );
  return agents.filter((_, index) => outcomes[index]!.status === "rejected").map((agent) => agent.id);
}

/** Starts agents through the runtime; returns the ids of those that failed. */
export async function startAgents(runtime: AgentRuntime, agents: readonly StartableAgent[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(agents.map((agent) => runtime.start(toRuntimeAgent(agent))));
  return agents.filter((_, index) => outcomes[index]!.status === "rejected").map((agent) => agent.id);
}
