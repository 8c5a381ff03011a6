import { existsSync } from "node:fs";
import { expect, test } from "./fixtures";

const yaml = (version: string) => `metadata: { id: e2e-ops, name: E2E Ops, version: ${version}, tags: [e2e] }
cluster: { type: team, min_workers: 1, max_workers: 3 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, count: 1-3, capabilities: [do] }
`;

test.describe("[API][BLUEPRINT_ADMIN]", () => {
  test("creates, revises and deactivates a blueprint; clusters record the version they came from", async ({ request }) => {
    const created = await request.post("/api/blueprints", {
      data: { id: "e2e-ops", name: "E2E Ops", version: "1.0.0", blueprint_yaml: yaml("1.0.0"), tags: ["e2e"] },
    });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ id: "e2e-ops", revision: 1, tags: ["e2e"] });
    expect(
      (
        await request.post("/api/blueprints", { data: { id: "e2e-ops", name: "E2E Ops", version: "1.0.0", blueprint_yaml: yaml("1.0.0") } })
      ).status(),
    ).toBe(409);

    const invalid = await request.post("/api/blueprints", {
      data: { id: "e2e-bad", name: "Bad", version: "1.0.0", blueprint_yaml: "metadata: {}\n" },
    });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).errors[0]).toMatchObject({ line: 1 });

    const cluster = await (await request.post("/api/clusters", { data: { blueprint_id: "e2e-ops", name: "Ops team" } })).json();
    expect(cluster).toMatchObject({ blueprint_version: "1.0.0", blueprint_revision: 1, current_workers: 1 });

    expect((await request.put("/api/blueprints/e2e-ops", { data: { blueprint_yaml: yaml("1.0.0") } })).status()).toBe(400);
    const revised = await request.put("/api/blueprints/e2e-ops", { data: { blueprint_yaml: yaml("1.1.0") } });
    expect(await revised.json()).toMatchObject({ version: "1.1.0", revision: 2 });
    // The existing cluster keeps scaling by the version it was spawned from.
    const scaled = await request.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 3 } });
    expect(scaled.status()).toBe(200);
    expect(await scaled.json()).toMatchObject({ blueprint_version: "1.0.0", blueprint_revision: 1, blueprint_latest_revision: 2 });
    const newer = await (await request.post("/api/clusters", { data: { blueprint_id: "e2e-ops", name: "Ops team 2" } })).json();
    expect(newer).toMatchObject({ blueprint_version: "1.1.0", blueprint_revision: 2 });

    expect(await (await request.put("/api/blueprints/e2e-ops", { data: { is_active: false } })).json()).toMatchObject({
      is_active: false,
      revision: 3,
    });
    expect((await request.post("/api/clusters", { data: { blueprint_id: "e2e-ops", name: "Another" } })).status()).toBe(409);
  });

  test("deletes a blueprint with its revisions, copy and an audit line, but not while a cluster uses it", async ({ request }) => {
    const doomed = yaml("1.0.0").replaceAll("e2e-ops", "e2e-doomed").replace("E2E Ops", "E2E Doomed");
    const body = { id: "e2e-doomed", name: "E2E Doomed", version: "1.0.0", blueprint_yaml: doomed };
    expect((await request.post("/api/blueprints", { data: body })).status()).toBe(201);
    expect((await request.put("/api/blueprints/e2e-doomed", { data: { blueprint_yaml: doomed.replace("1.0.0", "1.1.0") } })).status()).toBe(
      200,
    );
    const copy = "data/e2e-blueprints/e2e-doomed.yaml";
    expect(existsSync(copy)).toBe(true);
    const cluster = await (await request.post("/api/clusters", { data: { blueprint_id: "e2e-doomed", name: "Still here" } })).json();

    const refused = await request.delete("/api/blueprints/e2e-doomed");
    expect(refused.status()).toBe(409);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
    expect((await refused.json()).detail).toContain('used by 1 cluster ("Still here")');
    expect((await request.get("/api/blueprints/e2e-doomed")).status()).toBe(200);

    expect((await request.delete(`/api/clusters/${cluster.id}`)).status()).toBe(204);
    const deleted = await request.delete("/api/blueprints/e2e-doomed");
    expect(deleted.status()).toBe(204);
    expect((await request.get("/api/blueprints/e2e-doomed")).status()).toBe(404);
    expect((await request.get("/api/blueprints/e2e-doomed/revisions/1")).status()).toBe(404);
    expect(existsSync(copy)).toBe(false);
    expect((await request.delete("/api/blueprints/e2e-doomed")).status()).toBe(404);

    const audit = await (await request.get("/api/audit?action=blueprint.delete&target=e2e-doomed")).json();
    expect(audit.items.map((entry: { summary: string }) => entry.summary)).toEqual(["E2E Doomed: deleted with 2 revisions"]);
  });
});
