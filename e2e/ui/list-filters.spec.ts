// List filters live in the address: a reload, a shared link and Back all show the same filtered list.
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

let api: APIRequestContext;
const names = { hibernated: "Filter sleeper", active: "Filter runner" };
let hibernatedId = "";

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
  for (const name of Object.values(names)) {
    const created = await api.post("/api/clusters", { data: { blueprint_id: "sales-v1", name } });
    expect(created.status()).toBe(201);
    if (name === names.hibernated) hibernatedId = ((await created.json()) as { id: string }).id;
  }
  expect((await api.post(`/api/clusters/${hibernatedId}/hibernate`)).status()).toBe(200);
});
test.afterAll(async () => api.dispose());

test.describe("[UI][LIST_FILTERS]", () => {
  test("the clusters list keeps its status and search through a reload and Back", async ({ page }) => {
    await page.goto("/clusters");
    await page.getByLabel("Status").selectOption("hibernated");
    await page.getByLabel("Search clusters").fill("Filter");
    await expect(page).toHaveURL(/\/clusters\?.*status=hibernated/);
    await expect(page).toHaveURL(/q=Filter/);
    const table = page.getByRole("table", { name: "Clusters" });
    await expect(table.getByRole("link", { name: names.hibernated })).toBeVisible();
    await expect(table.getByRole("link", { name: names.active })).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("hibernated");
    await expect(page.getByLabel("Search clusters")).toHaveValue("Filter");
    await expect(table.getByRole("link", { name: names.hibernated })).toBeVisible();
    await expect(table.getByRole("link", { name: names.active })).toHaveCount(0);

    await table.getByRole("link", { name: names.hibernated }).click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${hibernatedId}$`));
    await page.goBack();
    await expect(page.getByLabel("Status")).toHaveValue("hibernated");
    await expect(page.getByLabel("Search clusters")).toHaveValue("Filter");
    await expect(table.getByRole("link", { name: names.active })).toHaveCount(0);

    // The section link shows the whole list again.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clusters" }).click();
    await expect(page.getByLabel("Status")).toHaveValue("");
    await expect(table.getByRole("link", { name: names.active })).toBeVisible();
  });

  test("the blueprint catalogue keeps its search, tag and active-only filters through a reload", async ({ page }) => {
    await page.goto("/blueprints");
    const table = page.getByRole("table", { name: "Blueprints" });
    await table.getByRole("row").filter({ hasText: "Marketing Department" }).getByRole("button", { name: "marketing" }).click();
    await expect(page).toHaveURL(/tag=marketing/);
    await expect(table.getByRole("link")).toHaveText(["Marketing Department"]);
    await page.getByLabel("Active only").check();
    await page.getByLabel("Search blueprints").fill("Marketing");
    await expect(page).toHaveURL(/active=true/);

    await page.reload();
    await expect(page.getByRole("button", { name: "Remove the tag filter marketing" })).toBeVisible();
    await expect(page.getByLabel("Active only")).toBeChecked();
    await expect(page.getByLabel("Search blueprints")).toHaveValue("Marketing");
    await expect(table.getByRole("link")).toHaveText(["Marketing Department"]);

    await page.getByRole("button", { name: "Remove the tag filter marketing" }).click();
    await page.getByLabel("Search blueprints").fill("");
    await expect(page).not.toHaveURL(/tag=|q=/);
    await expect(table.getByRole("link", { name: "Sales Team" })).toBeVisible();
  });

  test("the audit log keeps its applied filters through a reload", async ({ page }) => {
    await page.goto("/audit");
    await page.getByLabel("Action").selectOption("cluster.hibernate");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=cluster.hibernate/);
    const log = page.getByRole("table", { name: "Audit log" });
    await expect(log).toContainText(names.hibernated);

    await page.reload();
    await expect(page.getByLabel("Action")).toHaveValue("cluster.hibernate");
    await expect(log.getByRole("row").filter({ hasText: "cluster.create" })).toHaveCount(0);
    await expect(log).toContainText(names.hibernated);

    await page.getByRole("button", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(log.getByRole("row").filter({ hasText: "cluster.create" }).first()).toBeVisible();
  });
});
