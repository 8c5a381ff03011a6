import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { describeBlueprintChanges } from "./compare-blueprints";

const v1 = parse(`metadata: { id: m-v1, name: M, version: 1.0.0 }
cluster: { type: team, min_workers: 2, max_workers: 8 }
agents:
  - { name: boss, role: supervisor }
  - { name: lead, role: lead, reports_to: boss }
  - { name: copywriter, role: worker, count: 2-8, reports_to: boss }
  - { name: intern, role: worker, count: 0-0, reports_to: lead }
`);

describe("describeBlueprintChanges", () => {
  it("names each change of meaning", () => {
    const v2 = parse(`metadata: { id: m-v1, name: M, version: 1.1.0 }
cluster: { type: team, min_workers: 2, max_workers: 12, scaling: { metric: queue_depth, target_value: 10 } }
agents:
  - { name: boss, role: supervisor }
  - { name: lead, role: specialist, reports_to: boss }
  - { name: copywriter, role: worker, count: 2-12, reports_to: lead }
  - { name: editor, role: specialist, reports_to: boss }
`);
    expect(describeBlueprintChanges(v1, v2)).toEqual([
      "version 1.0.0 -> 1.1.0",
      "worker range 2-8 -> 2-12",
      "autoscaling added",
      "role of lead: lead -> specialist",
      "count of copywriter: 2-8 -> 2-12",
      "reports_to of copywriter: boss -> lead",
      "new agent editor (specialist)",
      "agent intern removed",
    ]);
  });

  it("names changes of the metadata the catalogue shows: name, description and tags", () => {
    // The same blueprint as v1 but for the metadata, so only metadata changes are named.
    const renamed = {
      ...v1,
      metadata: { ...v1.metadata, name: "Marketing", version: "1.0.1", description: "Campaigns", tags: ["content", "social"] },
    };
    expect(describeBlueprintChanges(v1, renamed)).toEqual([
      "version 1.0.0 -> 1.0.1",
      "name M -> Marketing",
      "description none -> Campaigns",
      "tags none -> content, social",
    ]);
  });

  it("finds nothing between equal texts and copes with text that is not a blueprint", () => {
    expect(describeBlueprintChanges(v1, structuredClone(v1))).toEqual([]);
    expect(describeBlueprintChanges(undefined, "just a string")).toEqual([]);
    expect(describeBlueprintChanges(undefined, v1)).toContain("new agent boss (supervisor)");
  });
});
