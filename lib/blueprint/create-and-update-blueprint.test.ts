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
import { updateBlueprint } from "./update-blueprint";
import { audit } from "@/lib/test/test-audit";

const yaml = (version: string, extra = "", id = "ops-v1") => `metadata: { id: ${id}, name: Ops, version: ${version} }
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
    const renamed = await updateBlueprint("ops-v2", { name: "Operations" }, { audit });
    expect(renamed).toMatchObject({ name: "Operations", version: "1.0.0" });
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
});
