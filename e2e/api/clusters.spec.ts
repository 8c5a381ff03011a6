import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

const SEED_CREATE = {
  blueprint_id: "marketing-v1",
  name: "Q1 Marketing Campaign",
  type: "campaign",
  target_workers: 5,
  description: "Q1 2024 Launch Campaign",
};

async function createSeedCluster(request: APIRequestContext) {
  const response = await request.post("/api/clusters", { data: SEED_CREATE });
  expect(response.status()).toBe(201);
  return response.json();
}

test.describe("[API][CLUSTERS]", () => {
  test("the seed's curl examples: create with 5 workers, scale to 10, read the hierarchy", async ({ request }) => {
    const created = await request.post("/api/clusters", { data: SEED_CREATE });
    expect(created.status()).toBe(201);
    const cluster = await created.json();
    expect(cluster).toMatchObject({
      name: "Q1 Marketing Campaign",
      type: "campaign",
      status: "active",
      blueprint_id: "marketing-v1",
      blueprint_version: "1.0.0",
      min_workers: 2,
      max_workers: 12,
      target_workers: 5,
      current_workers: 5,
      health_score: 1,
      description: "Q1 2024 Launch Campaign",
    });
    expect(created.headers()["etag"]).toBe(`"${cluster.revision}"`);

    const scaled = await request.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 10 } });
    expect(scaled.status()).toBe(200);
    expect(await scaled.json()).toMatchObject({ status: "active", current_workers: 10, target_workers: 10 });

    const hierarchy = await (await request.get(`/api/clusters/${cluster.id}/hierarchy`)).json();
    expect(hierarchy).toMatchObject({ cluster_id: cluster.id, cluster_name: "Q1 Marketing Campaign", total_agents: 13 });
    expect(hierarchy.supervisor).toMatchObject({ name: "marketing-director", role: "supervisor", status: "active" });

    const workers = await (await request.get(`/api/clusters/${cluster.id}/agents?role=worker&status=active&page_size=100`)).json();
    expect(workers.total).toBe(10);
    expect(workers.items[0]).toMatchObject({ cluster_id: cluster.id, role: "worker", status: "active" });
    expect(workers.items[0].agent_id).toMatch(/^agent-/);
  });

  test("dry_run plans without creating anything", async ({ request }) => {
    const before = (await (await request.get("/api/clusters")).json()).total;
    const preview = await (await request.post("/api/clusters?dry_run=true", { data: SEED_CREATE })).json();
    expect(preview).toMatchObject({ valid: true, plan: { target_workers: 5, total_agents: 8 } });
    const bad = await (await request.post("/api/clusters?dry_run=true", { data: { ...SEED_CREATE, target_workers: 40 } })).json();
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((error: { path: string }) => error.path)).toContain("target_workers");
    expect((await (await request.get("/api/clusters")).json()).total).toBe(before);
  });

  test("If-Match guards against stale writes", async ({ request }) => {
    const cluster = await createSeedCluster(request);
    const stale = await request.post(`/api/clusters/${cluster.id}/scale`, {
      data: { target_workers: 6 },
      headers: { "if-match": `"${cluster.revision - 1}"` },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ type: "urn:cluster-console:problem:stale-revision", title: "Stale revision" });
    const fresh = await request.post(`/api/clusters/${cluster.id}/scale`, {
      data: { target_workers: 6 },
      headers: { "if-match": `"${cluster.revision}"` },
    });
    expect(fresh.status()).toBe(200);
    const garbage = await request.post(`/api/clusters/${cluster.id}/scale`, {
      data: { target_workers: 6 },
      headers: { "if-match": "yesterday" },
    });
    expect(garbage.status()).toBe(400);
  });

  test("hibernate, a refused scale, reactivate, update and delete", async ({ request }) => {
    const cluster = await createSeedCluster(request);
    const asleep = await request.post(`/api/clusters/${cluster.id}/hibernate`);
    expect(asleep.status()).toBe(200);
    expect(await asleep.json()).toMatchObject({ status: "hibernated", current_workers: 0 });

    const refused = await request.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 4 } });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).detail).toMatch(/hibernated; allowed now: reactivate/);

    const awake = await request.post(`/api/clusters/${cluster.id}/reactivate`, { data: { target_workers: 4 } });
    expect(await awake.json()).toMatchObject({ status: "active", current_workers: 4 });

    const updated = await request.put(`/api/clusters/${cluster.id}`, {
      data: { name: "Renamed", max_workers: 8, config: { tone: "formal" } },
    });
    expect(updated.status()).toBe(200);
    expect(await updated.json()).toMatchObject({ name: "Renamed", max_workers: 8, config: { tone: "formal" } });
    const tooWide = await request.put(`/api/clusters/${cluster.id}`, { data: { max_workers: 50 } });
    expect(tooWide.status()).toBe(400);

    expect((await request.delete(`/api/clusters/${cluster.id}`)).status()).toBe(204);
    expect((await request.get(`/api/clusters/${cluster.id}`)).status()).toBe(404);
  });

  test("answers bad input with problem+json and changes nothing", async ({ request }) => {
    const before = (await (await request.get("/api/clusters")).json()).total;
    const cases: Array<[object, number]> = [
      [{ ...SEED_CREATE, blueprint_id: "nope" }, 404],
      [{ ...SEED_CREATE, target_workers: 40 }, 400],
      [{ ...SEED_CREATE, name: "" }, 400],
      [{ ...SEED_CREATE, surprise: true }, 400],
    ];
    for (const [data, status] of cases) {
      const response = await request.post("/api/clusters", { data });
      expect(response.status(), JSON.stringify(data)).toBe(status);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
    }
    expect((await (await request.get("/api/clusters")).json()).total).toBe(before);
    const cluster = await createSeedCluster(request);
    expect((await request.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 13 } })).status()).toBe(400);
    expect((await request.post("/api/clusters/unknown-id/scale", { data: { target_workers: 3 } })).status()).toBe(404);
    expect((await request.get("/api/clusters?status=sleeping")).status()).toBe(400);
  });

  test("lists clusters with filters and pages", async ({ request }) => {
    await createSeedCluster(request);
    const campaigns = await (await request.get("/api/clusters?type=campaign&blueprint_id=marketing-v1&page_size=1")).json();
    expect(campaigns.items).toHaveLength(1);
    expect(campaigns.total).toBeGreaterThanOrEqual(1);
    expect(campaigns.items[0]).toMatchObject({ type: "campaign", blueprint_id: "marketing-v1" });
    expect((await (await request.get("/api/clusters?q=zzz-none")).json()).total).toBe(0);
  });
});
