// The built-in `simulate` executor, for demos and benchmarks (spec/tasks.md): waits
// input.duration_ms, fails when a random draw is below input.fail_rate, echoes the input. It runs
// a thousand tasks a second and more, so it only reads two numbers and sets one timer.
import { abortedError, sleep } from "./execution-failure";
import { ExecutionError, type ExecutionRequest, type ExecutionResult, type Executor } from "./executor";

function readNumber(input: unknown, key: string): number {
  if (typeof input !== "object" || input === null) return 0;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

export const simulateExecutor: Executor = {
  async execute(request: ExecutionRequest): Promise<ExecutionResult> {
    const durationMs = readNumber(request.input, "duration_ms");
    const failRate = readNumber(request.input, "fail_rate");
    if (request.signal.aborted) throw abortedError(request.signal, request.timeoutMs);
    if (durationMs > 0) {
      try {
        await sleep(durationMs, request.signal);
      } catch {
        throw abortedError(request.signal, request.timeoutMs);
      }
    }
    if (failRate > 0 && Math.random() < failRate) {
      throw new ExecutionError("simulated", `a simulated failure (fail_rate ${failRate})`);
    }
    return { result: request.input };
  },
};
