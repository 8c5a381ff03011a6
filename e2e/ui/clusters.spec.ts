import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

const yaml = (version: string) => `metadata: { id: e2e-ui-clusters, name: E2E UI Clusters, version: ${version} }
cluster: { type: team, min_workers: 1, max_workers: 4 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, reports_to: boss, count: 1-4, capabilities: [do] }
`;

let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
});
test.afterAll(async () => api.dispose());

test.describe("[UI][CLUSTERS]", () => {
  test("the list is home: filters, search, the blueprint revision and a newer one; the cluster page shows the team", async ({ page }) => {
    expect(
      (
        await api.post("/api/blueprints", {
          data: { id: "e2e-ui-clusters", name: "E2E UI Clusters", version: "1.0.0", blueprint_yaml: yaml("1.0.0") },
        })
      ).status(),
    ).toBe(201);
    const created = await api.post("/api/clusters", {
      data: { blueprint_id: "e2e-ui-clusters", name: "UI list team", description: "made by the clusters spec", target_workers: 3 },
    });
    expect(created.status()).toBe(201);
    const cluster = await created.json();

    await page.goto("/");
    await expect(page).toHaveURL(/\/clusters$/);
    await page.getByLabel("Search clusters").fill("UI list team");
    const row = page.getByTestId("cluster-row-UI list team");
    await expect(row).toContainText("active");
    await expect(row).toContainText("e2e-ui-clusters");
    await expect(row).toContainText("revision 1");
    await expect(row).toContainText("3 / 3");
    await expect(row.getByTestId("newer-revision")).toHaveCount(0);

    await page.getByLabel("Status").selectOption("hibernated");
    await expect(page.getByText("No cluster matches these filters")).toBeVisible();
    await page.getByLabel("Status").selectOption("active");
    await page.getByLabel("Type").selectOption("team");
    await expect(row).toBeVisible();

    // A newer blueprint revision: the cluster keeps its own and says that a newer one exists.
    expect((await api.put("/api/blueprints/e2e-ui-clusters", { data: { blueprint_yaml: yaml("1.1.0") } })).status()).toBe(200);
    await page.reload();
    await page.getByLabel("Search clusters").fill("UI list team");
    await expect(row.getByTestId("newer-revision")).toHaveText("newer revision 2 exists");

    await row.getByRole("link", { name: "UI list team" }).click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}$`));
    await expect(page.getByRole("heading", { name: "UI list team" })).toBeVisible();
    await expect(page.getByTestId("workers")).toHaveText("3 current / 3 target");
    await expect(page.getByTestId("newer-revision")).toHaveText("newer revision 2 exists");
    const agents = page.getByRole("table", { name: "Agents" });
    await expect(agents.getByRole("row")).toHaveCount(5);
    await page.getByLabel("Role").selectOption("supervisor");
    await expect(agents.getByRole("row")).toHaveCount(2);
    await expect(agents).toContainText("boss");
  });

  test("an unknown cluster shows a way back", async ({ page }) => {
    await page.goto("/clusters/no-such-cluster");
    await expect(page.getByText('There is no cluster "no-such-cluster"')).toBeVisible();
    await page.getByRole("link", { name: "Back to the clusters" }).click();
    await expect(page).toHaveURL(/\/clusters$/);
  });
});
