import { expect, test } from "./fixtures";

const EXAMPLE_IDS = ["autoscaler-demo-v1", "marketing-v1", "product-launch-v1", "research-a2a-v1", "research-v1", "sales-v1", "support-v1"];

test.describe("[API][BLUEPRINTS]", () => {
  test("lists the example blueprints loaded on first start", async ({ request }) => {
    const response = await request.get("/api/blueprints");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 7, page: 1, page_size: 20 });
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual(EXAMPLE_IDS);
    expect(body.items[0]).not.toHaveProperty("blueprint_yaml");
  });

  test("filters by tag and free text, and pages", async ({ request }) => {
    const byTag = await (await request.get("/api/blueprints?tag=marketing")).json();
    expect(byTag.items.map((item: { id: string }) => item.id)).toEqual(["marketing-v1"]);
    const byText = await (await request.get("/api/blueprints?q=support")).json();
    expect(byText.items.map((item: { id: string }) => item.id)).toContain("support-v1");
    const paged = await (await request.get("/api/blueprints?page=2&page_size=2")).json();
    expect(paged).toMatchObject({ total: 7, page: 2, page_size: 2 });
    expect(paged.items).toHaveLength(2);
  });

  test("rejects a bad query with problem+json", async ({ request }) => {
    const response = await request.get("/api/blueprints?page_size=500&active_only=maybe");
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.errors.map((error: { path: string }) => error.path).sort()).toEqual(["active_only", "page_size"]);
  });

  test("returns one blueprint, with its YAML only when asked", async ({ request }) => {
    const small = await (await request.get("/api/blueprints/marketing-v1")).json();
    expect(small).toMatchObject({ id: "marketing-v1", name: "Marketing Department", version: "1.0.0", revision: 1, agent_count: 5 });
    expect(small).not.toHaveProperty("blueprint_yaml");
    const full = await (await request.get("/api/blueprints/marketing-v1?include_yaml=true")).json();
    expect(full.blueprint_yaml).toContain("id: marketing-v1");
  });

  test("answers 404 for an unknown blueprint and an unknown route", async ({ request }) => {
    for (const path of ["/api/blueprints/no-such-blueprint", "/api/no-such-route"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 404, title: "Not found" });
    }
  });

  test("answers a method a route does not offer with 405 and Allow", async ({ request }) => {
    const response = await request.patch("/api/blueprints/marketing-v1", { data: {} });
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, PUT, DELETE");
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect((await request.get("/api/blueprints/validate")).status()).toBe(405);
  });

  test("validates a blueprint and previews its spawn plan", async ({ request }) => {
    const yaml = (await (await request.get("/api/blueprints/marketing-v1?include_yaml=true")).json()).blueprint_yaml;
    const response = await request.post("/api/blueprints/validate", { data: { blueprint_yaml: yaml } });
    expect(response.status()).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.plan).toMatchObject({ target_workers: 3, total_agents: 6 });
  });

  test("reports every finding with line and column, storing nothing", async ({ request }) => {
    const response = await request.post("/api/blueprints/validate", {
      data: { blueprint_yaml: "metadata:\n  id: x\n  name: X\n  version: 1\ncluster:\n  type: squad\n" },
    });
    expect(response.status()).toBe(200);
    const result = await response.json();
    expect(result.valid).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "metadata.version", line: 4, column: 12 }),
        expect.objectContaining({ path: "cluster.type", line: 6, column: 9 }),
      ]),
    );
    expect((await (await request.get("/api/blueprints")).json()).total).toBe(7);
  });

  test("refuses malformed JSON, a wrong content type, a missing field and an oversized body", async ({ request }) => {
    const malformed = await request.post("/api/blueprints/validate", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).title).toBe("Malformed JSON");

    const text = await request.post("/api/blueprints/validate", { data: "blueprint", headers: { "content-type": "text/plain" } });
    expect(text.status()).toBe(415);

    const missing = await request.post("/api/blueprints/validate", { data: { blueprint_yml: "x" } });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).errors.map((error: { path: string }) => error.path).sort()).toEqual(["blueprint_yaml", "blueprint_yml"]);

    const huge = await request.post("/api/blueprints/validate", { data: { blueprint_yaml: "x".repeat(1100 * 1024) } });
    expect(huge.status()).toBe(413);
  });
});
