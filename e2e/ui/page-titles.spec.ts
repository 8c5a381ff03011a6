// Every page names itself in the browser tab, a blueprint's or cluster's page with its name; the tab shows the console's icon.
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

const APP = "Cluster Console";

let api: APIRequestContext;
let clusterId: string;

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
  const created = await api.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name: "Titles Campaign" } });
  expect(created.status()).toBe(201);
  clusterId = ((await created.json()) as { id: string }).id;
});
test.afterAll(async () => {
  await api.delete(`/api/clusters/${clusterId}`);
  await api.dispose();
});

test.describe("[UI][PAGE_TITLES]", () => {
  test("each console page has its own title, detail pages the name of what they show", async ({ page }) => {
    const pages: [string, string][] = [
      ["/", `Clusters · ${APP}`],
      [`/clusters/${clusterId}`, `Titles Campaign · Clusters · ${APP}`],
      ["/clusters/no-such-cluster", `Unknown cluster · Clusters · ${APP}`],
      ["/blueprints", `Blueprints · ${APP}`],
      ["/blueprints/marketing-v1", `Marketing Department · Blueprints · ${APP}`],
      ["/blueprints/marketing-v1/edit", `Edit Marketing Department · Blueprints · ${APP}`],
      ["/blueprints/marketing-v1/compare?from=1&to=1", `Compare revisions of Marketing Department · Blueprints · ${APP}`],
      ["/blueprints/does-not-exist", `Unknown blueprint · Blueprints · ${APP}`],
      ["/blueprints/new", `New blueprint · ${APP}`],
      ["/tokens", `API tokens · ${APP}`],
      ["/users", `Users · ${APP}`],
      ["/audit", `Audit log · ${APP}`],
      ["/docs", `API docs · ${APP}`],
    ];
    for (const [path, title] of pages) {
      await page.goto(path);
      await expect(page, path).toHaveTitle(title);
    }
  });

  test("the tab shows the console's icon", async ({ page }) => {
    await page.goto("/clusters");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    // The setup page's title is checked by the first-run spec, on the only server that shows it.
    test("the sign-in page", async ({ page }) => {
      await page.goto("/signin");
      await expect(page).toHaveTitle(`Sign in · ${APP}`);
    });
  });
});
