// The stored catalogue on a real SQLite file: import of the examples, listing and lookup.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { listBlueprintsQuerySchema } from "./api-schema";
import { getBlueprintOrThrow } from "./get-blueprint";
import { importExampleBlueprints } from "./import-example-blueprints";
import { listBlueprints } from "./list-blueprints";

const query = (raw: Record<string, string> = {}) => listBlueprintsQuerySchema.parse(raw);

describe("importExampleBlueprints", () => {
  it("imports every example once and keeps what is stored on later starts", async () => {
    const first = await importExampleBlueprints("blueprints");
    expect(first.imported).toEqual([
      "autoscaler-demo-v1",
      "marketing-v1",
      "product-launch-v1",
      "research-a2a-v1",
      "research-v1",
      "sales-v1",
      "support-v1",
    ]);
    await db.blueprint.update({ where: { id: "sales-v1" }, data: { name: "Renamed by an admin" } });

    const second = await importExampleBlueprints("blueprints");
    expect(second).toEqual({ imported: [], kept: first.imported, deleted: [], ignored: [] });
    expect((await db.blueprint.findUniqueOrThrow({ where: { id: "sales-v1" } })).name).toBe("Renamed by an admin");
    expect(await db.blueprintRevision.count()).toBe(7);
  });
});

describe("listBlueprints and getBlueprintOrThrow", () => {
  it("filters by tag, text and activity, and pages", async () => {
    await importExampleBlueprints("blueprints");
    expect((await listBlueprints(query({ tag: "marketing" }))).items.map((item) => item.id)).toEqual(["marketing-v1"]);
    expect((await listBlueprints(query({ tag: "market" }))).total).toBe(0);
    expect((await listBlueprints(query({ q: "SUPPORT" }))).items.map((item) => item.id)).toContain("support-v1");
    await db.blueprint.update({ where: { id: "research-v1" }, data: { isActive: false } });
    expect((await listBlueprints(query({ active_only: "true" }))).total).toBe(6);
    const page = await listBlueprints(query({ page: "3", page_size: "2" }));
    expect(page).toMatchObject({ total: 7, page: 3, page_size: 2 });
    expect(page.items).toHaveLength(2);
  });

  it("returns the YAML of the current revision only when asked", async () => {
    await importExampleBlueprints("blueprints");
    const small = await getBlueprintOrThrow("marketing-v1", { includeYaml: false });
    expect(small).toMatchObject({ id: "marketing-v1", revision: 1, agent_count: 5, tags: ["marketing", "content"] });
    expect(small).not.toHaveProperty("blueprint_yaml");
    expect((await getBlueprintOrThrow("marketing-v1", { includeYaml: true })).blueprint_yaml).toMatch(/^# Marketing department/);
    await expect(getBlueprintOrThrow("nope", { includeYaml: false })).rejects.toThrow(NotFoundError);
  });
});
