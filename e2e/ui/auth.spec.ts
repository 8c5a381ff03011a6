import { expect, test } from "@playwright/test";
import { ADMIN, AUTH_DIR, bearer } from "../support/principals";

test.describe("[UI][AUTH]", () => {
  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("a console page sends a signed-out user to sign in and back; a wrong password says so", async ({ page }) => {
      await page.goto("/blueprints/marketing-v1");
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fblueprints%2Fmarketing-v1$/);
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/blueprints\/marketing-v1$/);
      await expect(page.getByTestId("signed-in-user")).toContainText("admin");

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin$/);
      await page.goto("/clusters");
      await expect(page).toHaveURL(/\/signin/);
    });
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: `${AUTH_DIR}/viewer.json` });

    test("sees no admin sections and no mutation controls", async ({ page }) => {
      await page.goto("/blueprints");
      await expect(page.getByTestId("signed-in-user")).toContainText("viewer");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Blueprints" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);

      await page.goto("/users");
      await expect(page.getByRole("alert").filter({ hasText: "This page needs the admin role" })).toBeVisible();
      await expect(page.getByRole("button", { name: /create|new user/i })).toHaveCount(0);
      await expect(page.getByRole("textbox")).toHaveCount(0);
      await page.goto("/audit");
      await expect(page.getByRole("alert").filter({ hasText: "This page needs the admin role" })).toBeVisible();
    });
  });

  test("an admin creates an API token in the console and a script calls the API with it", async ({ page, playwright, baseURL }) => {
    await page.goto("/tokens");
    await page.getByLabel("Name", { exact: true }).fill("deploy script");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel("New API token").inputValue();
    expect(secret).toMatch(/^cct_/);

    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: bearer(secret) });
    const me = await script.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: ADMIN.email, role: "admin", via: "token" });
    expect((await script.post("/api/clusters?dry_run=true", { data: { blueprint_id: "marketing-v1", name: "scripted" } })).status()).toBe(
      200,
    );
    await script.dispose();

    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("table", { name: "API tokens" })).toContainText("deploy script");
  });
});
