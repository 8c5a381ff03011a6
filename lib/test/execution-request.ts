// An ExecutionRequest as the dispatcher builds one, for executor tests.
import type { ExecutionRequest } from "@/lib/executors/executor";

export function executionRequest(overrides: Partial<ExecutionRequest> = {}): ExecutionRequest {
  return {
    taskId: "task-1",
    attempt: 1,
    input: "Write a tagline for the spring launch",
    metadata: null,
    agent: {
      agentId: "agent-1",
      name: "copywriter-2",
      definition: "copywriter",
      role: "worker",
      description: "Writes copy for campaigns",
      capabilities: ["copywriting", "editing"],
      skills: ["headlines"],
    },
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    ...overrides,
  };
}
