// The default driver: agents live in this process. It keeps what a real driver must answer
// (which agents run, which sleep) so the service and the reconcile pass work against it unchanged,
// and with a dispatcher its agents take tasks: stopping or hibernating one drains it.
import type { AgentRuntime, RuntimeAgent, RuntimeAgentStatus } from "./agent-runtime";
import type { TaskDispatcher } from "./task-dispatcher";

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
  /** Runs the agents' tasks; without one the agents only exist (tests of the cluster services). */
  dispatcher?: TaskDispatcher;
}

export class LocalAgentRuntime implements AgentRuntime {
  private readonly agents = new Map<string, RuntimeAgentStatus>();

  constructor(private readonly options: LocalRuntimeOptions = {}) {}

  async start(agent: RuntimeAgent): Promise<void> {
    if (this.options.failStart?.(agent)) throw new AgentStartError(agent.agentId, "the local driver refused it");
    this.agents.set(agent.agentId, "running");
    this.options.dispatcher?.addAgent(agent);
  }

  async stop(agentId: string): Promise<void> {
    this.agents.delete(agentId);
    this.options.dispatcher?.removeAgent(agentId);
  }

  async hibernate(agentId: string): Promise<void> {
    if (!this.agents.has(agentId)) return;
    this.agents.set(agentId, "hibernated");
    this.options.dispatcher?.hibernateAgent(agentId);
  }

  async resume(agentId: string): Promise<void> {
    this.agents.set(agentId, "running");
    this.options.dispatcher?.resumeAgent(agentId);
  }

  async status(agentId: string): Promise<RuntimeAgentStatus | undefined> {
    return this.agents.get(agentId);
  }

  /** How many agents run now; for tests and health checks. */
  get runningCount(): number {
    return [...this.agents.values()].filter((status) => status === "running").length;
  }
}
