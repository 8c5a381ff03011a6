import { describe, expect, it } from "vitest";
import { DEMO_PROFILE, loadAt, metricValue, profileSeconds } from "./load-profile";

describe("the demo load profile", () => {
  it("ramps up, holds, drops to zero and comes back", () => {
    expect(profileSeconds(DEMO_PROFILE)).toBe(240);
    expect(loadAt(DEMO_PROFILE, 0)).toEqual({ phase: "ramp up", load: 0.1 });
    expect(loadAt(DEMO_PROFILE, 30).load).toBeCloseTo(0.55);
    expect(loadAt(DEMO_PROFILE, 90)).toEqual({ phase: "plateau", load: 1 });
    expect(loadAt(DEMO_PROFILE, 150)).toEqual({ phase: "drop to zero", load: 0 });
    expect(loadAt(DEMO_PROFILE, 200)).toEqual({ phase: "demand returns", load: 0.4 });
    expect(loadAt(DEMO_PROFILE, 999)).toEqual({ phase: "demand returns", load: 0.4 });
  });

  it("turns load into the policy's metric", () => {
    expect(metricValue({ metric: "queue_depth", target_value: 5 }, 12, 1)).toBe(45);
    expect(metricValue({ metric: "response_time_ms", target_value: 20000 }, 18, 0.5)).toBe(15000);
    expect(metricValue({ metric: "cpu_utilization", target_value: 0.8 }, 10, 1)).toBe(1);
    expect(metricValue({ metric: "queue_depth", target_value: 5 }, 12, 0)).toBe(0);
  });
});
