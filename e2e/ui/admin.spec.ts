import { expect, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

test.describe("[UI][ADMIN]", () => {
  test("an admin creates a user, changes the role, disables them, and finds it all in the audit log", async ({ page }) => {
    await page.goto("/users");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password (at least 10 characters)").fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("must be an email address", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

    await page.getByLabel("Email").fill("new-operator@e2e.test");
    await page.getByLabel("Password (at least 10 characters)").fill("new-operator-password");
    await page.getByLabel("Role", { exact: true }).selectOption("operator");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Created new-operator@e2e.test." })).toBeVisible();

    const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: "new-operator@e2e.test" });
    await expect(row.getByLabel("Role of new-operator@e2e.test")).toHaveValue("operator");
    await row.getByLabel("Role of new-operator@e2e.test").selectOption("viewer");
    await expect(row.getByLabel("Role of new-operator@e2e.test")).toHaveValue("viewer");
    await expect(row.getByLabel("Role of new-operator@e2e.test")).toBeEnabled();

    await row.getByRole("button", { name: "Disable" }).click();
    await row.getByRole("button", { name: "Yes, disable" }).click();
    await expect(row).toContainText("Disabled");
    await page.reload();
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: "new-operator@e2e.test" })).toContainText(
      "Disabled",
    );

    await page.goto("/audit");
    await page.getByLabel("Target (id or type)").fill("user");
    await page.getByLabel("Action").selectOption("user.update");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const log = page.getByRole("table", { name: "Audit log" });
    await expect(log).toContainText("new-operator@e2e.test: disabled");
    await expect(log).toContainText("new-operator@e2e.test: role operator -> viewer");
  });

  test("the audit log names each target, with its id at hand, and keeps the id of one that is gone", async ({ page, baseURL }) => {
    const api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
    const created = await api.post("/api/clusters", { data: { blueprint_id: "research-v1", name: "Audit names a cluster" } });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/audit?target=${id}`);
    const log = page.getByRole("table", { name: "Audit log" });
    const target = log.getByRole("row").filter({ hasText: "cluster.create" }).getByRole("cell").nth(3);
    await expect(target).toContainText("Audit names a cluster");
    await expect(target).toContainText("cluster");
    await expect(target).not.toContainText(id);
    await expect(target.locator(`[title="cluster ${id}"]`)).toBeVisible();

    expect((await api.delete(`/api/clusters/${id}`)).status()).toBe(204);
    await page.reload();
    await expect(log.getByRole("row").filter({ hasText: "cluster.delete" }).getByRole("cell").nth(3)).toContainText(id);
    await expect(target).toContainText("no longer exists");
    await api.dispose();
  });
});
