import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BlueprintFileError, BlueprintInvalidError } from "./errors";
import { loadBlueprintFile, saveBlueprintFile } from "./file";
import { loadBlueprint } from "./load";

const directory = mkdtempSync(path.join(tmpdir(), "blueprint-file-"));
const scratch = (name: string) => path.join(directory, name);

describe("the seed's loader cases", () => {
  it("loads marketing.yaml", async () => {
    const blueprint = await loadBlueprintFile("blueprints/marketing.yaml");
    expect(blueprint.metadata).toMatchObject({ id: "marketing-v1", name: "Marketing Department", version: "1.0.0" });
    expect(blueprint.agents.map((agent) => agent.name)).toContain("copywriter");
  });

  it("loads from a string", () => {
    const blueprint = loadBlueprint(`metadata: { id: s-1, name: From a string, version: 0.1.0 }
cluster: { type: project, min_workers: 0, max_workers: 2 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, count: 0-2, capabilities: [do] }
`);
    expect(blueprint.metadata.name).toBe("From a string");
    expect(blueprint.agents[1]!.count).toBe("0-2");
  });

  it("saves to a file and reads it back equal, as UTF-8", async () => {
    const original = await loadBlueprintFile("blueprints/marketing.yaml");
    const withUnicode = { ...original, metadata: { ...original.metadata, description: "Kampagnen für Köln ✓" } };
    await saveBlueprintFile(withUnicode, scratch("saved.yaml"));
    expect(await loadBlueprintFile(scratch("saved.yaml"))).toEqual(withUnicode);
  });

  it("accepts the valid blueprint and rejects one without metadata or without a supervisor", () => {
    const valid = `metadata: { id: v, name: V, version: 1.0.0 }
cluster: { type: team, min_workers: 0, max_workers: 0 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
`;
    expect(loadBlueprint(valid).metadata.id).toBe("v");
    expect(() => loadBlueprint(valid.replace(/^metadata.*\n/, ""))).toThrow(/"metadata" is required/);
    expect(() => loadBlueprint(valid.replace("supervisor", "lead"))).toThrow(/no agent definition has role "supervisor"/);
  });
});

describe("file errors", () => {
  it("names a missing file", async () => {
    await expect(loadBlueprintFile(scratch("nope.yaml"))).rejects.toThrow(/blueprint file not found: .*nope\.yaml/);
  });

  it("reports a YAML syntax error with the file, line and column", async () => {
    writeFileSync(scratch("broken.yaml"), "metadata:\n  id: x: y\n");
    const error = await loadBlueprintFile(scratch("broken.yaml")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BlueprintInvalidError);
    expect((error as BlueprintInvalidError).findings[0]).toMatchObject({ line: 2, column: 7 });
    expect((error as Error).message).toMatch(/broken\.yaml: YAML syntax error.*\(line 2, column 7\)/);
  });

  it("refuses a file over 256 KiB without parsing it", async () => {
    writeFileSync(scratch("big.yaml"), `# ${"x".repeat(300 * 1024)}\n`);
    const error = await loadBlueprintFile(scratch("big.yaml")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BlueprintFileError);
    expect((error as BlueprintFileError).reason).toBe("too_large");
  });

  it("refuses to save something that is not a blueprint", async () => {
    await expect(saveBlueprintFile({ metadata: { id: "x" } } as never, scratch("bad.yaml"))).rejects.toThrow(BlueprintInvalidError);
  });
});
