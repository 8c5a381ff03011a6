import { describe, expect, it } from "vitest";
import { executionRequest } from "@/lib/test/execution-request";
import { ExecutionError } from "./executor";
import { simulateExecutor } from "./simulate-executor";

const request = (input: unknown, signal = new AbortController().signal) => executionRequest({ input, signal });

describe("simulateExecutor", () => {
  it("echoes the input, text or data", async () => {
    await expect(simulateExecutor.execute(request("hello"))).resolves.toEqual({ result: "hello" });
    await expect(simulateExecutor.execute(request({ topic: "pricing", fail_rate: 0 }))).resolves.toEqual({
      result: { topic: "pricing", fail_rate: 0 },
    });
  });

  it("waits duration_ms", async () => {
    const started = performance.now();
    await simulateExecutor.execute(request({ duration_ms: 120 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it("fails as simulated when the draw is below fail_rate", async () => {
    const failure = await simulateExecutor.execute(request({ fail_rate: 1 })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExecutionError);
    expect(failure).toMatchObject({ type: "simulated", message: "a simulated failure (fail_rate 1)" });
  });

  it("stops waiting when the attempt is aborted: cancelled, or timed out when the reason says so", async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    await expect(simulateExecutor.execute(request({ duration_ms: 10_000 }, controller.signal))).rejects.toMatchObject({
      type: "cancelled",
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(simulateExecutor.execute(request({ duration_ms: 10_000 }, AbortSignal.timeout(30)))).rejects.toMatchObject({
      type: "timeout",
    });
  });

  it("runs thousands of tasks a second", async () => {
    const started = performance.now();
    await Promise.all(Array.from({ length: 5_000 }, (_, index) => simulateExecutor.execute(request({ index }))));
    // 5,000 in well under a second leaves the benchmark's 1,000 tasks/s to the rest of the pipeline.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
