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
});
