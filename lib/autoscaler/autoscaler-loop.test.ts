// Two server instances on one database: exactly one runs the autoscaler, and the other takes over
// once the first stops and gives its lease up.
import { describe, expect, it } from "vitest";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { type AutoscalerLoop, startAutoscalerLoop } from "./autoscaler-loop";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startAutoscalerLoop", () => {
  it("lets exactly one of two instances lead, and hands over when the leader goes", async () => {
    // Each instance with its runtime, whose id the lease names.
    const instance = () => ({ runtime: new LocalAgentRuntime(), tickMs: 20, leaseMs: 400 });
    const loops: AutoscalerLoop[] = [startAutoscalerLoop(instance()), startAutoscalerLoop(instance())];
    // The first tick also opens the database connection, which on PostgreSQL takes a moment.
    await expect.poll(() => loops.filter((loop) => loop.isLeading()).length, { timeout: 2_000, interval: 20 }).toBe(1);
    for (let check = 0; check < 5; check++) {
      await sleep(100);
      expect(loops.filter((loop) => loop.isLeading())).toHaveLength(1);
    }

    const leader = loops.find((loop) => loop.isLeading())!;
    const follower = loops.find((loop) => loop !== leader)!;
    await leader.stop();
    await expect.poll(() => follower.isLeading(), { timeout: 2_000, interval: 20 }).toBe(true);
    await follower.stop();
  });
});
