// Creating and updating blueprints on a real SQLite file and a real BLUEPRINTS_DIR.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { BlueprintInvalidError } from "./errors";
import { getBlueprintOrThrow } from "./get-blueprint";
import { createBlueprint } from "./create-blueprint";
import { restoreRevision } from "./restore-revision";
import { updateBlueprint } from "./update-blueprint";
import { audit } from "@/lib/test/test-audit";

const yaml = (
  version: string,
  extra = "",
  id = "ops-v1",
  metadata = "name: Ops, tags: [ops]",
) => `metadata: { id: ${id}, ${metadata}, version: ${version} }
cluster: { type: team, min_workers: 1, max_workers: 3 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, count: 1-3, capabilities: [do] }${extra}
`;
const request = { id: "ops-v1", name: "Ops", version: "1.0.0", blueprint_yaml: yaml("1.0.0"), tags: ["ops"] };
const fileOf = (id: string) => readFileSync(path.join(env.BLUEPRINTS_DIR, `${id}.yaml`), "utf8");

describe("createBlueprint", () => {
  it("stores the blueprint with revision 1 and writes <id>.yaml to BLUEPRINTS_DIR", async () => {
    const created = await createBlueprint(request, { audit });
    expect(created).toMatchObject({ id: "ops-v1", name: "Ops", version: "1.0.0", revision: 1, tags: ["ops"], agent_count: 2 });
    expect(fileOf("ops-v1")).toBe(request.blueprint_yaml);
    await expect(createBlueprint(request, { audit })).rejects.toThrow(ConflictError);
  });

  it("refuses invalid YAML and a body that disagrees with it, storing nothing", async () => {
    await expect(createBlueprint({ ...request, id: "other-v1", blueprint_yaml: "metadata: {}" }, { audit })).rejects.toThrow(
      BlueprintInvalidError,
    );
    await expect(createBlueprint({ ...request, id: "other-v1" }, { audit })).rejects.toThrow(InvalidInputError);
    expect(await db.blueprint.count({ where: { id: "other-v1" } })).toBe(0);
  });
});

describe("updateBlueprint", () => {
  it("makes every change a new revision and requires a higher version for new YAML", async () => {
    const aide = "\n  - { name: aide, role: specialist, capabilities: [x] }";
    await createBlueprint({ ...request, id: "ops-v2", blueprint_yaml: yaml("1.0.0", "", "ops-v2") }, { audit });
    const renamed = await updateBlueprint("ops-v2", { name: "Ops", tags: ["ops"] }, { audit });
    expect(renamed).toMatchObject({ name: "Ops", version: "1.0.0", revision: 2 });
    await expect(updateBlueprint("ops-v2", { blueprint_yaml: yaml("1.0.0", aide, "ops-v2") }, { audit })).rejects.toThrow(/higher version/);
    await expect(updateBlueprint("ops-v2", { blueprint_yaml: yaml("2.0.0", aide, "ops-v1") }, { audit })).rejects.toThrow(
      /another blueprint/,
    );
    const bumped = await updateBlueprint("ops-v2", { blueprint_yaml: yaml("1.1.0", aide, "ops-v2") }, { audit });
    expect(bumped).toMatchObject({ version: "1.1.0", agent_count: 3, revision: renamed.revision + 1 });
    expect(fileOf("ops-v2")).toContain("version: 1.1.0");
    const deactivated = await updateBlueprint("ops-v2", { is_active: false }, { audit });
    expect(deactivated).toMatchObject({ is_active: false, revision: bumped.revision + 1 });
    expect((await getBlueprintOrThrow("ops-v2", { includeYaml: true })).blueprint_yaml).toContain("version: 1.1.0");
    expect(await db.blueprintRevision.count({ where: { blueprintId: "ops-v2" } })).toBe(deactivated.revision);
    await expect(updateBlueprint("nope", { name: "x" }, { audit })).rejects.toThrow(NotFoundError);
  });

  it("shows the YAML's name, description and tags after every save and restore", async () => {
    await createBlueprint({ ...request, id: "ren-v1", blueprint_yaml: yaml("1.0.0", "", "ren-v1") }, { audit });
    const renamedYaml = yaml("1.2.0", "", "ren-v1", "name: Renamed Ops, description: Runs the renamed team, tags: [ops, renamed]");
    const renamed = await updateBlueprint("ren-v1", { blueprint_yaml: renamedYaml }, { audit });
    expect(renamed).toMatchObject({
      name: "Renamed Ops",
      description: "Runs the renamed team",
      tags: ["ops", "renamed"],
      version: "1.2.0",
    });
    expect(await getBlueprintOrThrow("ren-v1", { includeYaml: false })).toMatchObject({ name: "Renamed Ops", tags: ["ops", "renamed"] });
    const restored = await restoreRevision("ren-v1", 1, { audit });
    expect(restored).toMatchObject({ name: "Ops", description: null, tags: ["ops"], version: "1.2.1" });
  });

  it("refuses separate fields that disagree with the YAML, naming each, and changes nothing", async () => {
    await createBlueprint({ ...request, id: "agree-v1", blueprint_yaml: yaml("1.0.0", "", "agree-v1") }, { audit });
    const refusal = await updateBlueprint("agree-v1", { name: "Other", tags: ["x"] }, { audit }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect((refusal as InvalidInputError).fieldErrors?.map((error) => error.path)).toEqual(["name", "tags"]);
    await expect(
      updateBlueprint("agree-v1", { blueprint_yaml: yaml("1.1.0", "", "agree-v1"), description: "not in the YAML" }, { audit }),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      createBlueprint({ ...request, id: "agree-v2", name: "Not Ops", blueprint_yaml: yaml("1.0.0", "", "agree-v2") }, { audit }),
    ).rejects.toThrow(/metadata disagree/);
    expect(await getBlueprintOrThrow("agree-v1", { includeYaml: false })).toMatchObject({ name: "Ops", version: "1.0.0", revision: 1 });
  });
});
