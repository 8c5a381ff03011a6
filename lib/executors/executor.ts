// The seam between an agent and whatever does its work (spec/tasks.md, "Executors"). An executor
// never throws anything but an ExecutionError: every failure of the far side (refused, timed out,
// 4xx/5xx, malformed answer, too large) is the agent's attempt failing, never the console's.
import type { ExecutorConfig } from "@/lib/blueprint/executor-schema";

/** What an executor knows of the agent it works for (the system prompt is built from it). */
export interface ExecutingAgent {
  agentId: string;
  name: string;
  definition: string;
  role: string;
  description: string | null;
  capabilities: readonly string[];
  skills: readonly string[];
}

export interface ExecutionRequest {
  taskId: string;
  attempt: number;
  /** The task's input: a string is a plain text prompt, anything else JSON data. */
  input: unknown;
  metadata: Record<string, unknown> | null;
  agent: ExecutingAgent;
  /** Aborted when the task is cancelled, the agent is stopped or the attempt's time is up. */
  signal: AbortSignal;
  /** The attempt's time budget in milliseconds (the task's timeout_s, capped by the executor's). */
  timeoutMs: number;
  /** Called once the far side names its own id for the work (an A2A task id), so it is kept on the attempt early. */
  onExecutorRef?: (ref: string) => void;
}

export interface ExecutionResult {
  /** The answer as JSON data; shown as data, never rendered as HTML. */
  result: unknown;
  /** The far side's id for this work (the A2A task id, the completion id). */
  executorRef?: string;
  /** What the executor learned on the way (model, token usage, remote status, protocol version). */
  facts?: Record<string, unknown>;
}

export const EXECUTION_ERROR_TYPES = [
  "connection", // refused, reset, DNS
  "timeout",
  "http", // a 4xx or 5xx answer
  "malformed", // an answer we cannot read
  "too-large",
  "forbidden-address", // SSRF guard
  "remote-failed", // the far side answered that the work failed
  "cancelled",
  "configuration", // no executor, a missing api key variable
  "simulated",
] as const;
export type ExecutionErrorType = (typeof EXECUTION_ERROR_TYPES)[number];

export class ExecutionError extends Error {
  override name = "ExecutionError";
  constructor(
    readonly type: ExecutionErrorType,
    message: string,
    readonly facts?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface Executor {
  execute(request: ExecutionRequest): Promise<ExecutionResult>;
}

/** Builds the executor for a definition's resolved config. */
export type ExecutorFactory = (config: ExecutorConfig) => Executor;
