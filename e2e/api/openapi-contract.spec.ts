// The document against the running API: a run through blueprints, clusters, tasks, metrics and the
// autoscaler, with each answer (successes and every kind of refusal) checked against the schema
// the document gives for that operation and status. Runs after blueprints.spec.ts (name order),
// whose catalogue counts the blueprint it adds would change.
import { readFileSync } from "node:fs";
import type { APIResponse } from "@playwright/test";
import { documentSchemas } from "../../lib/test/openapi-schemas";
import { startExtraServer } from "../support/extra-server";
import { bearer, readPrincipals } from "../support/principals";
import { expect, test } from "./fixtures";

const TIGHT_BUDGET_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;

/** Checks answers against the schema the document gives for their operation and status, and lists what it checked. */
function documentChecker(document: {
  paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>>;
}) {
  const schemaAt = documentSchemas(document);
  const checked: string[] = [];
  const matches = async (method: string, route: string, response: APIResponse) => {
    const status = String(response.status());
    const operation = document.paths[route]?.[method];
    expect(operation, `${method} ${route} is documented`).toBeDefined();
    expect(Object.keys(operation!.responses), `${method} ${route} documents ${status}`).toContain(status);
    checked.push(`${method.toUpperCase()} ${route} ${status}`);
    if (status === "204") return;
    const contentType = Object.keys(operation!.responses[status]!.content)[0] as string;
    expect(response.headers()["content-type"]).toContain(contentType);
    const validate = schemaAt("paths", route, method, "responses", status, "content", contentType, "schema");
    const body = await response.json();
    expect(validate(body) ? [] : validate.errors, `${method.toUpperCase()} ${route} ${status}`).toEqual([]);
  };
  return { matches, checked };
}

test.describe("[API][OPENAPI]", () => {
  test("the document is public, and every answer of a full run matches its schema", async ({ request, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
    const served = await anonymous.get("/api/openapi.json");
    expect(served.status()).toBe(200);
    const document = await served.json();
    expect(document.openapi).toBe("3.1.0");
    const { matches, checked } = documentChecker(document);
    await matches("get", "/api/health", await anonymous.get("/api/health"));

    const yaml = readFileSync("blueprints/marketing.yaml", "utf8")
      .replace("id: marketing-v1", "id: e2e-contract")
      .replace("name: Marketing Department", "name: Contract");
    await matches(
      "post",
      "/api/blueprints",
      await request.post("/api/blueprints", { data: { id: "e2e-contract", name: "Contract", version: "1.0.0", blueprint_yaml: yaml } }),
    );
    await matches(
      "put",
      "/api/blueprints/{id}",
      await request.put("/api/blueprints/e2e-contract", { data: { name: "Contract", is_active: true } }),
    );
    const newer = await request.put("/api/blueprints/e2e-contract", {
      data: { blueprint_yaml: yaml.replace(/^(\s*)version: .*$/m, '$1version: "1.1.0"') },
    });
    await matches("put", "/api/blueprints/{id}", newer);
    const newest = (await newer.json()).revision as number;
    await matches("get", "/api/blueprints/{id}/revisions", await request.get("/api/blueprints/e2e-contract/revisions"));
    await matches("get", "/api/blueprints/{id}/revisions/{revision}", await request.get("/api/blueprints/e2e-contract/revisions/1"));
    await matches(
      "post",
      "/api/blueprints/{id}/revisions/{revision}/restore",
      await request.post("/api/blueprints/e2e-contract/revisions/1/restore", { headers: { "if-match": `"${newest}"` } }),
    );
    await matches("get", "/api/blueprints", await request.get("/api/blueprints?page_size=2"));
    await matches("get", "/api/blueprints/{id}", await request.get("/api/blueprints/e2e-contract?include_yaml=true"));
    await matches("post", "/api/blueprints/validate", await request.post("/api/blueprints/validate", { data: { blueprint_yaml: yaml } }));
    await matches(
      "post",
      "/api/blueprints/validate",
      await request.post("/api/blueprints/validate", { data: { blueprint_yaml: "metadata: {}\n" } }),
    );

    await matches(
      "post",
      "/api/clusters",
      await request.post("/api/clusters?dry_run=true", {
        data: { blueprint_id: "e2e-contract", name: "Contract cluster", target_workers: 4 },
      }),
    );
    const created = await request.post("/api/clusters", { data: { blueprint_id: "e2e-contract", name: "Contract cluster" } });
    await matches("post", "/api/clusters", created);
    const id = (await created.json()).id as string;
    await matches("get", "/api/clusters", await request.get("/api/clusters"));
    await matches("get", "/api/clusters/{id}", await request.get(`/api/clusters/${id}`));
    await matches("post", "/api/clusters/{id}/scale", await request.post(`/api/clusters/${id}/scale`, { data: { target_workers: 6 } }));
    await matches("get", "/api/clusters/{id}/hierarchy", await request.get(`/api/clusters/${id}/hierarchy`));
    await matches("get", "/api/clusters/{id}/agents", await request.get(`/api/clusters/${id}/agents`));
    await matches("get", "/api/clusters/{id}/activity", await request.get(`/api/clusters/${id}/activity`));
    await matches(
      "post",
      "/api/clusters/{id}/metrics",
      await request.post(`/api/clusters/${id}/metrics`, { data: { points: [{ name: "queue_depth", value: 3 }] } }),
    );
    await matches("get", "/api/clusters/{id}/metrics", await request.get(`/api/clusters/${id}/metrics?name=queue_depth`));
    await matches("get", "/api/clusters/{id}/metrics", await request.get(`/api/clusters/${id}/metrics?name=queue_depth&step=60`));
    // A long simulated task: still queued or running when it is cancelled.
    const submitted = await request.post(`/api/clusters/${id}/tasks`, {
      data: { input: { duration_ms: 600_000 }, definition: "copywriter" },
    });
    await matches("post", "/api/clusters/{id}/tasks", submitted);
    const taskId = (await submitted.json()).id as string;
    await matches(
      "post",
      "/api/clusters/{id}/tasks",
      await request.post(`/api/clusters/${id}/tasks`, {
        data: { tasks: [{ input: { n: 1 } }, { input: "two", capability: "publishing", priority: 9 }] },
        headers: { "idempotency-key": "contract-batch" },
      }),
    );
    await matches(
      "post",
      "/api/clusters/{id}/tasks",
      await request.post(`/api/clusters/${id}/tasks`, { data: { tasks: [{ input: 1, definition: "poet" }] } }),
    );
    await matches(
      "post",
      "/api/clusters/{id}/tasks",
      await request.post(`/api/clusters/${id}/tasks`, { data: { input: 2 }, headers: { "idempotency-key": "contract-batch" } }),
    );
    await matches("get", "/api/clusters/{id}/tasks", await request.get(`/api/clusters/${id}/tasks?status=queued&page_size=2`));
    await matches("get", "/api/tasks/{taskId}", await request.get(`/api/tasks/${taskId}`));
    await matches("get", "/api/tasks/{taskId}", await request.get("/api/tasks/no-such-task"));
    await matches("post", "/api/tasks/{taskId}/cancel", await request.post(`/api/tasks/${taskId}/cancel`));
    await matches("post", "/api/tasks/{taskId}/cancel", await request.post(`/api/tasks/${taskId}/cancel`));
    await matches("post", "/api/tasks/{taskId}/retry", await request.post(`/api/tasks/${taskId}/retry`));
    await matches("post", "/api/tasks/{taskId}/retry", await request.post(`/api/tasks/${taskId}/retry`));
    await matches("put", "/api/clusters/{id}/autoscaler", await request.put(`/api/clusters/${id}/autoscaler`, { data: { pause: "all" } }));
    await matches("get", "/api/clusters/{id}/autoscaler", await request.get(`/api/clusters/${id}/autoscaler`));
    await matches("post", "/api/clusters/{id}/hibernate", await request.post(`/api/clusters/${id}/hibernate`));
    await matches(
      "post",
      "/api/clusters/{id}/reactivate",
      await request.post(`/api/clusters/${id}/reactivate`, { data: { target_workers: 3 } }),
    );

    // Every kind of refusal, in the problem+json shape the document gives.
    const viewer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.viewer) });
    await matches(
      "post",
      "/api/clusters/{id}/scale",
      await request.post(`/api/clusters/${id}/scale`, { data: { target_workers: "many" } }),
    );
    await matches("post", "/api/clusters/{id}/scale", await anonymous.post(`/api/clusters/${id}/scale`, { data: { target_workers: 4 } }));
    await matches("post", "/api/clusters/{id}/scale", await viewer.post(`/api/clusters/${id}/scale`, { data: { target_workers: 4 } }));
    await matches("get", "/api/clusters/{id}", await request.get("/api/clusters/no-such-cluster"));
    await matches("post", "/api/clusters/{id}/reactivate", await request.post(`/api/clusters/${id}/reactivate`));
    await matches(
      "post",
      "/api/clusters/{id}/scale",
      await request.post(`/api/clusters/${id}/scale`, { data: { target_workers: 4 }, headers: { "if-match": '"1"' } }),
    );
    await matches(
      "post",
      "/api/clusters/{id}/scale",
      await request.post(`/api/clusters/${id}/scale`, {
        data: "x".repeat(1024 * 1024 + 1),
        headers: { "content-type": "application/json" },
      }),
    );
    await matches(
      "post",
      "/api/clusters/{id}/scale",
      await request.post(`/api/clusters/${id}/scale`, { data: "target_workers=4", headers: { "content-type": "text/plain" } }),
    );
    // The blueprint goes only once its cluster has gone.
    await matches("delete", "/api/blueprints/{id}", await request.delete("/api/blueprints/e2e-contract"));
    await matches("delete", "/api/clusters/{id}", await request.delete(`/api/clusters/${id}`));
    await matches("delete", "/api/blueprints/{id}", await request.delete("/api/blueprints/e2e-contract"));

    for (const status of ["201", "200", "202", "204", "400", "401", "403", "404", "409", "413", "415"])
      expect(
        checked.some((entry) => entry.endsWith(` ${status}`)),
        `a ${status} was checked`,
      ).toBe(true);
    expect(checked).toEqual(
      expect.arrayContaining([
        "PUT /api/blueprints/{id} 200",
        "POST /api/blueprints/{id}/revisions/{revision}/restore 200",
        "POST /api/clusters 200",
        "POST /api/clusters 201",
        "DELETE /api/blueprints/{id} 409",
        "DELETE /api/blueprints/{id} 204",
        "POST /api/clusters/{id}/tasks 202",
        "POST /api/clusters/{id}/tasks 400",
        "POST /api/clusters/{id}/tasks 409",
        "GET /api/tasks/{taskId} 200",
        "GET /api/tasks/{taskId} 404",
        "POST /api/tasks/{taskId}/cancel 409",
        "POST /api/tasks/{taskId}/retry 200",
        "POST /api/tasks/{taskId}/retry 409",
      ]),
    );
    await anonymous.dispose();
    await viewer.dispose();
  });

  test("a spent request budget answers 429 as the document says", async ({ playwright, request }) => {
    // A token of its own: on PostgreSQL budgets count in the database, where the main server's
    // calls with any older token have already spent more than two reads this minute.
    const created = await request.post("/api/tokens", { data: { name: `tight-budget-${Date.now()}` } });
    expect(created.status()).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const server = await startExtraServer(TIGHT_BUDGET_PORT, { RATE_LIMIT_READS_PER_MINUTE: "2" });
    try {
      const caller = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: bearer(token) });
      // Fetched anonymously: with the token it would spend the read budget under test.
      const { matches } = documentChecker(await (await fetch(`${server.baseURL}/api/openapi.json`)).json());
      for (let call = 0; call < 2; call++) {
        const answered = await caller.get("/api/me");
        expect(answered.status()).toBe(200);
        await matches("get", "/api/me", answered);
      }
      const refused = await caller.get("/api/me");
      expect(refused.status()).toBe(429);
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
      await matches("get", "/api/me", refused);
      await caller.dispose();
    } finally {
      await server.stop();
    }
  });
});
