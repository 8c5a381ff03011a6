// The seam between the cluster service and whatever really runs agents ("genesis"). The service
// talks only to this interface, so other drivers plug in without touching it.

export interface RuntimeAgent {
  agentId: string;
  clusterId: string;
  name: string;
  /** The blueprint's agent definition it is an instance of. */
  definition: string;
  role: string;
  capabilities: string[];
  skills: string[];
  config: Record<string, unknown>;
}

export type RuntimeAgentStatus = "running" | "hibernated";

export interface AgentRuntime {
  /**
   * Who runs the agents this runtime starts, recorded on their rows (`agents.runtime_owner`): for
   * the local driver the console instance (process) itself, which alone can stop them again.
   */
  readonly instanceId: string;
  /** Starts an agent; resolves once it is up, rejects when it cannot start. */
  start(agent: RuntimeAgent): Promise<void>;
  /** Stops an agent for good; stopping an unknown agent is not an error. */
  stop(agentId: string): Promise<void>;
  hibernate(agentId: string): Promise<void>;
  resume(agentId: string): Promise<void>;
  /** What the runtime knows of an agent; undefined when it does not run it. */
  status(agentId: string): Promise<RuntimeAgentStatus | undefined>;
}
