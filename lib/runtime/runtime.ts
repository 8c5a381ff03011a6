// The process's agent runtime: the local driver unless a test or another driver sets one.
import type { AgentRuntime } from "./agent-runtime";
import { LocalAgentRuntime } from "./local-runtime";

const globalForRuntime = globalThis as unknown as { agentRuntime?: AgentRuntime };

export function getAgentRuntime(): AgentRuntime {
  globalForRuntime.agentRuntime ??= new LocalAgentRuntime();
  return globalForRuntime.agentRuntime;
}

export function setAgentRuntime(runtime: AgentRuntime): void {
  globalForRuntime.agentRuntime = runtime;
}
