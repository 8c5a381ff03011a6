// Every page names itself in the browser tab, a blueprint's or cluster's page with its name; the tab shows the console's icon.
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

const APP = "Cluster Console";
// The first-run server of playwright.config.ts, on an empty database: the only one that shows the setup page.
const FIRST_RUN_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

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

    test("the sign-in page, and the setup page while no user exists", async ({ page }) => {
      await page.goto("/signin");
      await expect(page).toHaveTitle(`Sign in · ${APP}`);
      // Only looked at, never submitted: the first-run spec creates that server's first admin.
      const { needs_setup } = (await (await page.request.get(`${FIRST_RUN_URL}/api/setup`)).json()) as { needs_setup: boolean };
      test.skip(!needs_setup, "the first-run spec has set up that server already");
      await page.goto(`${FIRST_RUN_URL}/setup`);
      await expect(page).toHaveTitle(`Set up · ${APP}`);
    });
  });
});
