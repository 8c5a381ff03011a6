import { describe, expect, it } from "vitest";
import { generateBlueprint } from "@/scripts/bench/generate-blueprint";
import { loadYamlFast } from "./fast-yaml";
import { createSectionLocator } from "./section-locator";
import { validateBlueprint, validateWithPositions } from "./validate";
import { parseYamlSource } from "./yaml-source";

const text = `# a team
metadata: { id: t-v1, name: T, version: 1.0.0 }
cluster:
  type: team
  min_workers: 1
  max_workers: 4

agents:
  - name: boss
    role: supervisor
    capabilities: [plan]
  # the workers
  - name: helper
    role: worker
    count: 1-4
    reports_to: bos
`;

describe("createSectionLocator", () => {
  it("places keys and values inside top-level sections and sequence items exactly as the full parse does", () => {
    const full = parseYamlSource(text);
    const locate = createSectionLocator(text, loadYamlFast(text, 32))!;
    const paths = [
      [["agents", 1, "reports_to"], "value"],
      [["agents", 1, "reports_to"], "key"],
      [["agents", 1], "value"],
      [["agents", 0, "capabilities", 0], "value"],
      [["agents", 1, "missing"], "key"],
      [["cluster", "max_workers"], "value"],
      [["metadata", "version"], "value"],
      [["agents"], "key"],
      [["agents"], "value"],
    ] as const;
    for (const [path, target] of paths)
      expect(locate([...path], target), `${path.join(".")} ${target}`).toEqual(full.locate([...path], target));
  });

  it("leaves texts it cannot cut with certainty to the positioned path", () => {
    expect(createSectionLocator('"metadata": {}\n', loadYamlFast('"metadata": {}\n', 32))).toBeUndefined();
    expect(createSectionLocator("- a\n- b\n", ["a", "b"])).toBeUndefined();
    const locate = createSectionLocator("a: 1\nb: 2\n", { a: 1, b: 2 })!;
    expect(locate(["c"])).toBeUndefined();
    // A piece that does not read back as the value given is not trusted.
    expect(createSectionLocator("a: 1\nb: 2\n", { a: 1, b: 3 })!(["b"])).toBeUndefined();
  });

  it("gives a 1,000-definition blueprint with a finding the positioned path's answer", () => {
    const big = `${generateBlueprint(1000)}  - { name: extra, role: specialist, reports_to: lead-1 }\n  - { name: extra, role: specialist, reports_to: lead-2 }\n`;
    const answer = validateBlueprint(big);
    expect(answer.errors.length + answer.warnings.length).toBeGreaterThan(0);
    expect(answer).toEqual(validateWithPositions(big));
  });
});
