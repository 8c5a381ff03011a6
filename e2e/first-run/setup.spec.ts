import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";

test.describe("[UI][FIRST_RUN]", () => {
  test("on an empty database the console asks for the first admin, then signs them in", async ({ page, playwright, baseURL }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await page.goto("/signin");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Set up the console" })).toBeVisible();
    await expect(page).toHaveTitle("Set up · Cluster Console");
    // Only this server ever shows the setup page, so its accessibility check lives here.
    await expectNoAxeViolations(page);

    await page.getByLabel("Email").fill("first@example.com");
    await page.getByLabel("Password (at least 10 characters)").fill("short");
    await page.getByLabel("Repeat the password").fill("short");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page.getByText("the password must have at least 10 characters", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Password (at least 10 characters)").fill("first-admin-password");
    await page.getByLabel("Repeat the password").fill("first-admin-password");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toContainText("first@example.com");
    await expect(page.getByTestId("signed-in-user")).toContainText("admin");

    // Once set up, the setup page is gone for good.
    await page.goto("/setup");
    await expect(page).not.toHaveURL(/\/setup$/);
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.post("/api/setup", { data: { email: "second@example.com", password: "second-password" } })).status()).toBe(409);
    await anonymous.dispose();
  });
});
