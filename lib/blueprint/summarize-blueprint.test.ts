import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBlueprint } from "./load";
import { summarizeBlueprint } from "./summarize-blueprint";

describe("summarizeBlueprint", () => {
  it("counts agents per role, names the workers once as the cluster's range, and words the scaling policy", () => {
    const blueprint = loadBlueprint(readFileSync("blueprints/marketing.yaml", "utf8"));
    const summary = summarizeBlueprint(blueprint);
    expect(summary.roles.find((entry) => entry.role === "supervisor")).toEqual({ role: "supervisor", min: 1, max: 1 });
    expect(summary.roles.map((entry) => entry.role)).toEqual(["supervisor", "lead", "specialist"]);
    expect(summary.workers).toEqual({ min: blueprint.cluster.min_workers, max: blueprint.cluster.max_workers });
    expect(summary.policy).toMatch(new RegExp(`^Keeps ${blueprint.cluster.scaling!.metric} at `));
  });

  it("says when there is no autoscaling", () => {
    const blueprint = loadBlueprint(`metadata: { id: t-v1, name: T, version: 1.0.0 }
cluster: { type: team, min_workers: 1, max_workers: 2 }
agents:
  - { name: boss, role: supervisor }
  - { name: hand, role: worker, count: 1-2, reports_to: boss }
`);
    expect(summarizeBlueprint(blueprint)).toEqual({
      roles: [{ role: "supervisor", min: 1, max: 1 }],
      workers: { min: 1, max: 2 },
      policy: "No autoscaling: the workers stay where operators set them.",
    });
  });
});
