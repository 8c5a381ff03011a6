import { describe, expect, it } from "vitest";
import { scalingSchema } from "@/lib/blueprint/schema";
import { describePolicy } from "./describe-policy";

describe("describePolicy", () => {
  it("says a per-worker policy in words, with the defaults filled in", () => {
    expect(describePolicy(scalingSchema.parse({ metric: "queue_depth", target_value: 10, hibernate_after_idle_s: 3600 }))).toBe(
      "Keeps queue_depth at about 10 per worker (within 10%), looking every 15 s. Scales up at once (at most double or +4 at a time), down on the highest of the last 5 min (at most half at a time). Hibernates after 1 h at 0 and wakes when queue_depth rises above 0.",
    );
  });

  it("shows fractions as percentages, windows as given and sub-second intervals as the 1 s the loop honours", () => {
    expect(
      describePolicy(
        scalingSchema.parse({
          metric: "cpu_utilization",
          target_value: 0.7,
          tolerance: 0.05,
          scale_up_stabilization_s: 30,
          scale_down_stabilization_s: 90,
          evaluation_interval_s: 0,
        }),
      ),
    ).toBe(
      "Keeps cpu_utilization at about 70% on average (within 5%), looking every 1 s. Scales up on the lowest recommendation of the last 30 s (at most double or +4 at a time), down on the highest of the last 90 s (at most half at a time). Never hibernates on its own.",
    );
  });

  it("says when there is no policy", () => {
    expect(describePolicy(null)).toMatch(/^The blueprint has no scaling section/);
  });
});
