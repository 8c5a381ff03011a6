import { describe, expect, it } from "vitest";
import { DEMO_PROFILE, loadAt, profileSeconds, taskRate } from "./load-profile";

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

  it("turns load into tasks per second that keep three quarters of the workers busy at full load", () => {
    expect(taskRate(12, 1)).toBe(4.5);
    expect(taskRate(12, 0.4)).toBeCloseTo(1.8);
    expect(taskRate(12, 1, 1_000)).toBe(9);
    expect(taskRate(12, 0)).toBe(0);
  });
});
