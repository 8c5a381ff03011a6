// The default driver: agents live in this process. It keeps what a real driver must answer
// (which agents run, which sleep) so the service and the reconcile pass work against it unchanged,
// and with a dispatcher its agents take tasks: stopping or hibernating one drains it.
import { newInstanceId } from "@/lib/instance-id";
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
  /** Default: host name, process id and a random part, new for every process (and every runtime). */
  instanceId?: string;
}

/** An agent this process runs, as the follower of the agents' rows compares it with them. */
export interface LocalAgent {
  agentId: string;
  clusterId: string;
  status: RuntimeAgentStatus;
}

export class LocalAgentRuntime implements AgentRuntime {
  readonly instanceId: string;
  private readonly agents = new Map<string, LocalAgent>();

  constructor(private readonly options: LocalRuntimeOptions = {}) {
    this.instanceId = options.instanceId ?? newInstanceId();
  }

  async start(agent: RuntimeAgent): Promise<void> {
    if (this.options.failStart?.(agent)) throw new AgentStartError(agent.agentId, "the local driver refused it");
    this.agents.set(agent.agentId, { agentId: agent.agentId, clusterId: agent.clusterId, status: "running" });
    this.options.dispatcher?.addAgent(agent);
  }

  async stop(agentId: string): Promise<void> {
    this.agents.delete(agentId);
    this.options.dispatcher?.removeAgent(agentId);
  }

  async hibernate(agentId: string): Promise<void> {
    const local = this.agents.get(agentId);
    if (!local) return;
    local.status = "hibernated";
    this.options.dispatcher?.hibernateAgent(agentId);
  }

  /** Wakes an agent this process holds; one it does not hold must be started instead (wakeAgents). */
  async resume(agentId: string): Promise<void> {
    const local = this.agents.get(agentId);
    if (!local) throw new AgentStartError(agentId, "it does not run in this process");
    local.status = "running";
    this.options.dispatcher?.resumeAgent(agentId);
  }

  async status(agentId: string): Promise<RuntimeAgentStatus | undefined> {
    return this.agents.get(agentId)?.status;
  }

  /** Every agent this process runs or keeps asleep. */
  localAgents(): LocalAgent[] {
    return [...this.agents.values()].map((local) => ({ ...local }));
  }

  /** How many agents run now; for tests and health checks. */
  get runningCount(): number {
    return [...this.agents.values()].filter((local) => local.status === "running").length;
  }
}
