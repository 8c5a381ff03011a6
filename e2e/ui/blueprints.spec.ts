import { expect, test } from "@playwright/test";

test.describe("[UI][BLUEPRINTS]", () => {
  test("a new user finds a blueprint and sees what it would spawn", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/clusters$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blueprints" }).click();
    await expect(page).toHaveURL(/\/blueprints$/);
    await expect(page.getByRole("heading", { name: "Blueprints" })).toBeVisible();
    const rows = page.getByRole("row");
    for (const name of [
      "Autoscaler Demo Desk",
      "Customer Support Department",
      "Marketing Department",
      "Product Launch Campaign",
      "Research Desk (A2A)",
      "Research Project",
      "Sales Team",
    ]) {
      await expect(page.getByRole("link", { name })).toBeVisible();
    }
    await expect(page.getByText(/^\d+ blueprints$/)).toBeVisible();

    await page.getByLabel("Search blueprints").fill("marketing-v1");
    await expect(rows).toHaveCount(2);
    await page.getByRole("link", { name: "Marketing Department" }).click();

    await expect(page).toHaveURL(/\/blueprints\/marketing-v1$/);
    await expect(page.getByRole("heading", { name: "Marketing Department" })).toBeVisible();
    await expect(page.getByText("Content, social and campaign work for the marketing team", { exact: true })).toBeVisible();
    const plan = page.getByRole("list", { name: "Spawn plan" });
    await expect(plan).toContainText("marketing-director");
    await expect(plan).toContainText("copywriter-3");
    await expect(page.getByText("6 agents at 3 workers")).toBeVisible();
    await expect(page.getByLabel("Blueprint YAML")).toContainText("id: marketing-v1");
  });

  test("searching for something that does not exist says so", async ({ page }) => {
    await page.goto("/blueprints");
    await page.getByLabel("Search blueprints").fill("zzz-nothing");
    await expect(page.getByText('No blueprint matches "zzz-nothing"')).toBeVisible();
  });

  test("an unknown blueprint shows a way back", async ({ page }) => {
    await page.goto("/blueprints/does-not-exist");
    await expect(page.getByText('There is no blueprint "does-not-exist"')).toBeVisible();
    await page.getByRole("link", { name: "Back to the blueprints" }).click();
    await expect(page).toHaveURL(/\/blueprints$/);
  });

  test("the navigation works from the keyboard", async ({ page }) => {
    await page.goto("/blueprints");
    await expect(page.getByRole("link", { name: "Blueprints", exact: true })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // brand
    await page.keyboard.press("Tab"); // Clusters
    await expect(page.getByRole("link", { name: "Clusters" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Clusters" })).toHaveAttribute("aria-current", "page");
  });

  test("an unknown address keeps the console's navigation and offers a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page/at-all");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Cluster Console");
    await expect(page.getByTestId("signed-in-user")).toContainText("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blueprints" }).click();
    await expect(page).toHaveURL(/\/blueprints$/);

    await page.goto("/no-such-page");
    await page.getByRole("link", { name: "Go to the clusters" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();
  });

  test("an unknown cluster keeps the navigation and offers a way back", async ({ page }) => {
    await page.goto("/clusters/00000000-0000-4000-8000-000000000000");
    await expect(page.getByText('There is no cluster "00000000-0000-4000-8000-000000000000"')).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the clusters" }).click();
    await expect(page).toHaveURL(/\/clusters$/);
  });

  test("a missing revision keeps the navigation and offers a way back to its blueprint", async ({ page }) => {
    await page.goto("/blueprints/marketing-v1/compare?from=1&to=99");
    await expect(page.getByText("There is no revision 99 of marketing-v1")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.getByRole("link", { name: "Back to marketing-v1" }).click();
    await expect(page).toHaveURL(/\/blueprints\/marketing-v1$/);
  });
});
