// The process's agent runtime: the local in-process driver.
import type { AgentRuntime } from "./agent-runtime";
import { LocalAgentRuntime } from "./local-runtime";

const globalForRuntime = globalThis as unknown as { agentRuntime?: AgentRuntime };

export function getAgentRuntime(): AgentRuntime {
  globalForRuntime.agentRuntime ??= new LocalAgentRuntime();
  return globalForRuntime.agentRuntime;
}
