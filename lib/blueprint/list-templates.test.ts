// "New blueprint" offers the shipped examples only, whatever else an older console left in blueprints/.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listTemplates } from "./list-templates";

const project = mkdtempSync(path.join(tmpdir(), "templates-"));
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(project, { recursive: true, force: true });
});

describe("listTemplates", () => {
  it("lists the shipped examples and neither a saved blueprint's copy nor an example overwritten by one", async () => {
    cpSync("blueprints", path.join(project, "blueprints"), { recursive: true });
    const copy = (id: string) => `metadata: { id: ${id}, name: Saved, version: 1.0.0 }
cluster: { type: team, min_workers: 1, max_workers: 1 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, capabilities: [do] }
`;
    writeFileSync(path.join(project, "blueprints", "ops-v1.yaml"), copy("ops-v1"));
    writeFileSync(path.join(project, "blueprints", "sales.yaml"), copy("sales"));
    rmSync(path.join(project, "blueprints", "research.yaml"));
    // listTemplates reads blueprints/ under the working directory, as the server does.
    vi.spyOn(process, "cwd").mockReturnValue(project);
    const templates = await listTemplates();
    expect(templates.map((template) => template.id)).toEqual([
      "autoscaler-demo-v1",
      "marketing-v1",
      "product-launch-v1",
      "research-a2a-v1",
      "support-v1",
    ]);
    expect(templates[1]).toMatchObject({
      key: "marketing",
      name: "Marketing Department",
      yaml: expect.stringMatching(/^# Marketing department/),
    });
  });
});
