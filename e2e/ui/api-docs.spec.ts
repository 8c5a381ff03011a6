// The interactive API docs: Swagger UI from the local package renders the document, and a call
// tried out with a token reaches the console's API.
import { expect, test } from "@playwright/test";
import { readPrincipals } from "../support/principals";

test.describe("[UI][API_DOCS]", () => {
  test("the docs render from the document, and a call tried out with a token reaches the API", async ({ page, baseURL }) => {
    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) external.push(request.url());
    });
    await page.goto("/docs");
    await expect(page.getByRole("heading", { name: "API docs" })).toBeVisible();
    const docs = page.getByTestId("api-docs");
    await expect(docs.getByRole("heading", { name: /Cluster Console API/ })).toBeVisible();
    await expect(docs.locator(".opblock-summary-path", { hasText: "/api/clusters/{id}/scale" })).toBeVisible();

    await docs.getByRole("button", { name: "Authorize" }).first().click();
    await page.getByRole("textbox", { name: "auth-bearer-value" }).fill(readPrincipals().tokens.viewer);
    await page.getByRole("button", { name: "Apply credentials" }).first().click();
    await page.getByRole("button", { name: "Close" }).first().click();

    const me = docs.locator(".opblock", { has: page.locator(".opblock-summary-path", { hasText: /^\/api\/me$/ }) });
    await me.locator(".opblock-summary").click();
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === "/api/me"),
      me.getByRole("button", { name: "Execute" }).click(),
    ]);
    expect(answer.status()).toBe(200);
    expect(answer.request().headers().authorization).toBe(`Bearer ${readPrincipals().tokens.viewer}`);
    await expect(me).toContainText("viewer@e2e.test");
    expect(external).toEqual([]);
  });
});
