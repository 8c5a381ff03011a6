import { describe, expect, it } from "vitest";
import { setYamlVersion } from "./set-yaml-version";

describe("setYamlVersion", () => {
  it("rewrites only the version, keeping comments, flow lists and quoting elsewhere", () => {
    const text = `# why this exists
metadata: { id: a-v1, name: A, version: "1.0.0", tags: [x,  y] }
cluster: { type: team, min_workers: 1, max_workers: 3 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan,delegate] }
`;
    expect(setYamlVersion(text, "1.0.1")).toBe(text.replace('"1.0.0"', "1.0.1"));
  });

  it("rewrites a block-style version", () => {
    expect(setYamlVersion("metadata:\n  id: a-v1\n  version: 1.2.0 # bumped\n", "1.2.1")).toBe(
      "metadata:\n  id: a-v1\n  version: 1.2.1 # bumped\n",
    );
  });

  it("answers null for text without a version or that does not parse", () => {
    expect(setYamlVersion("metadata: { id: a-v1 }\n", "1.0.1")).toBeNull();
    expect(setYamlVersion("metadata: [\n", "1.0.1")).toBeNull();
  });
});
