// An admin deactivates, activates and deletes a blueprint from its page; each asks first, and a
// blueprint that a cluster still uses is not deleted.
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { AUTH_DIR, bearer, readPrincipals } from "../support/principals";

const yaml = `metadata: { id: catalog-ui-v1, name: Catalogue Actions, version: 1.0.0, tags: [catalogue-ui] }
cluster: { type: team, min_workers: 1, max_workers: 3 }
agents:
  - { name: lead, role: supervisor }
  - { name: hand, role: worker, count: 1-3, reports_to: lead }
`;

let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
  const created = await api.post("/api/blueprints", {
    data: { id: "catalog-ui-v1", name: "Catalogue Actions", version: "1.0.0", blueprint_yaml: yaml },
  });
  expect(created.status()).toBe(201);
});
test.afterAll(async () => api.dispose());

test.describe("[UI][CATALOG_ACTIONS]", () => {
  test("an admin deactivates a blueprint, activates it again, and deletes it once no cluster uses it", async ({ page }) => {
    await page.goto("/blueprints/catalog-ui-v1");
    await expect(page.getByRole("heading", { level: 1, name: "Catalogue Actions" })).toBeVisible();

    await page.getByRole("button", { name: "Deactivate", exact: true }).click();
    const deactivate = page.getByRole("dialog", { name: "Deactivate Catalogue Actions?" });
    await expect(deactivate).toContainText("Clusters that use it keep running");
    await deactivate.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(deactivate).toBeHidden();
    await expect(page.getByTestId("blueprint-inactive")).toContainText("no new cluster can be created");
    await expect(page.getByRole("link", { name: "Create a cluster" })).toHaveCount(0);

    await page.goto("/blueprints?active=true&q=catalog");
    await expect(page.getByText("No blueprint matches")).toBeVisible();
    await page.getByLabel("Active only").uncheck();
    await expect(page.getByRole("row").filter({ hasText: "Catalogue Actions" })).toContainText("inactive");

    await page.getByRole("link", { name: "Catalogue Actions" }).click();
    await page.getByRole("button", { name: "Activate", exact: true }).click();
    await page.getByRole("dialog", { name: "Activate Catalogue Actions?" }).getByRole("button", { name: "Yes, activate" }).click();
    await expect(page.getByTestId("blueprint-inactive")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Create a cluster" })).toBeVisible();

    const cluster = await api.post("/api/clusters", { data: { blueprint_id: "catalog-ui-v1", name: "Holds the blueprint" } });
    expect(cluster.status()).toBe(201);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "Delete Catalogue Actions?" });
    await expect(confirm).toContainText("catalog-ui-v1");
    await confirm.getByRole("button", { name: "Delete Catalogue Actions" }).click();
    await expect(confirm.getByRole("alert")).toContainText('used by 1 cluster ("Holds the blueprint")');
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Catalogue Actions" })).toBeVisible();

    expect((await api.delete(`/api/clusters/${((await cluster.json()) as { id: string }).id}`)).status()).toBe(204);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await confirm.getByRole("button", { name: "Delete Catalogue Actions" }).click();
    await expect(page).toHaveURL(/\/blueprints$/);
    await expect(page.getByRole("link", { name: "Marketing Department" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Catalogue Actions" })).toHaveCount(0);
    expect((await api.get("/api/blueprints/catalog-ui-v1")).status()).toBe(404);
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: `${AUTH_DIR}/viewer.json` });
    test("sees neither deactivate nor delete", async ({ page }) => {
      await page.goto("/blueprints/marketing-v1");
      await expect(page.getByRole("heading", { level: 1, name: "Marketing Department" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Deactivate", exact: true })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
    });
  });
});
