// The default driver: agents live in this process. It keeps what a real driver must answer
// (which agents run, which sleep) so the service and the reconcile pass work against it unchanged.
import type { AgentRuntime, RuntimeAgent, RuntimeAgentStatus } from "./agent-runtime";

export class AgentStartError extends Error {
  constructor(
    readonly agentId: string,
    reason: string,
  ) {
    super(`agent ${agentId} did not start: ${reason}`);
    this.name = "AgentStartError";
  }
}

export interface LocalRuntimeOptions {
  /** Decides that an agent fails to start; for drills and tests of failure handling. */
  failStart?: (agent: RuntimeAgent) => boolean;
}

export class LocalAgentRuntime implements AgentRuntime {
  private readonly agents = new Map<string, RuntimeAgentStatus>();

  constructor(private readonly options: LocalRuntimeOptions = {}) {}

  async start(agent: RuntimeAgent): Promise<void> {
    if (this.options.failStart?.(agent)) throw new AgentStartError(agent.agentId, "the local driver refused it");
    this.agents.set(agent.agentId, "running");
  }

  async stop(agentId: string): Promise<void> {
    this.agents.delete(agentId);
  }

  async hibernate(agentId: string): Promise<void> {
    if (this.agents.has(agentId)) this.agents.set(agentId, "hibernated");
  }

  async resume(agentId: string): Promise<void> {
    this.agents.set(agentId, "running");
  }

  async status(agentId: string): Promise<RuntimeAgentStatus | undefined> {
    return this.agents.get(agentId);
  }

  /** How many agents run now; for tests and health checks. */
  get runningCount(): number {
    return [...this.agents.values()].filter((status) => status === "running").length;
  }
}
