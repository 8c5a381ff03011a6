// A console that wrote saved blueprints into blueprints/ (before data/blueprints) keeps working:
// the seed imports only the shipped examples and the database stays the source of saved blueprints.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/test/test-audit";
import { EXAMPLE_BLUEPRINTS_DIRECTORY } from "./example-blueprints";
import { getBlueprintOrThrow } from "./get-blueprint";
import { importExampleBlueprints } from "./import-example-blueprints";
import { createBlueprint } from "./create-blueprint";
import { deleteBlueprint } from "./delete-blueprint";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A copy of blueprints/ with what an older console left there. */
function examplesWith(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), "example-blueprints-"));
  directories.push(directory);
  cpSync(EXAMPLE_BLUEPRINTS_DIRECTORY, directory, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
  return directory;
}

const saved = (id: string, name = `Saved ${id}`) => `metadata: { id: ${id}, name: ${name}, version: 1.0.0 }
cluster: { type: team, min_workers: 1, max_workers: 2 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, count: 1-2, capabilities: [do] }
`;

describe("importExampleBlueprints beside old copies of saved blueprints", () => {
  it("imports only the shipped examples into an empty database", async () => {
    // ops-v1.yaml: a saved blueprint's copy; sales.yaml: a saved blueprint "sales" written over the example.
    const directory = examplesWith({ "ops-v1.yaml": saved("ops-v1"), "sales.yaml": saved("sales") });
    const result = await importExampleBlueprints(directory);
    expect(result.imported).toEqual([
      "autoscaler-demo-v1",
      "marketing-v1",
      "product-launch-v1",
      "research-a2a-v1",
      "research-v1",
      "support-v1",
    ]);
    expect(result.ignored).toEqual(["ops-v1.yaml", "sales.yaml"]);
    expect(await db.blueprint.count({ where: { id: { in: ["ops-v1", "sales", "sales-v1"] } } })).toBe(0);
  });

  it("leaves a saved blueprint as the database holds it while its stale copy is still there", async () => {
    await createBlueprint({ id: "team-v1", name: "Team", version: "1.0.0", blueprint_yaml: saved("team-v1", "Team") }, { audit });
    const directory = examplesWith({ "team-v1.yaml": saved("team-v1", "Stale copy") });
    expect((await importExampleBlueprints(directory)).ignored).toEqual(["team-v1.yaml"]);
    expect(await getBlueprintOrThrow("team-v1", { includeYaml: true })).toMatchObject({ name: "Team", revision: 1 });
  });

  it("does without an example someone deleted", async () => {
    const directory = examplesWith({});
    rmSync(path.join(directory, "marketing.yaml"));
    await db.blueprint.deleteMany({ where: { id: "marketing-v1" } });
    const result = await importExampleBlueprints(directory);
    expect(result).toMatchObject({ imported: [], ignored: [] });
    expect(result.kept).not.toContain("marketing-v1");
  });

  it("leaves an example an admin deleted deleted on the next start", async () => {
    const directory = examplesWith({});
    await importExampleBlueprints(directory);
    await deleteBlueprint("research-v1", { audit });
    const result = await importExampleBlueprints(directory);
    expect(result.deleted).toEqual(["research-v1"]);
    expect(result.imported).toEqual([]);
    expect(await db.blueprint.count({ where: { id: "research-v1" } })).toBe(0);
  });
});
