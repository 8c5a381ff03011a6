// The console on a phone (390 x 844): no page scrolls sideways, every section and Sign out are
// reachable through the menu, and a table too wide for the screen says that it scrolls.
import { type APIRequestContext, expect, type Locator, type Page, request, test } from "@playwright/test";
import { bearer, PASSWORD, readPrincipals } from "../support/principals";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

const revisedBlueprint = (version: string, max: number) => `metadata: { id: phone-check-v1, name: Phone check, version: ${version} }
cluster: { type: team, min_workers: 1, max_workers: ${max} }
agents:
  - { name: lead, role: supervisor }
  - { name: helper, role: worker, count: 1-${max}, reports_to: lead }
`;

let api: APIRequestContext;
let clusterId = "";
let taskId = "";

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
  const cluster = await api.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name: "Phone cluster", target_workers: 3 } });
  expect(cluster.status()).toBe(201);
  clusterId = ((await cluster.json()) as { id: string }).id;
  // A long input, so the task's row and drawer show how they wrap.
  const input = { brief: "Announce the spring launch on every channel ".repeat(8), channels: ["blog", "newsletter", "social"] };
  const task = await api.post(`/api/clusters/${clusterId}/tasks`, { data: { input, capability: "publishing" } });
  expect(task.status()).toBe(202);
  taskId = ((await task.json()) as { id: string }).id;
  // A blueprint with two revisions, for the compare page.
  const exists = await api.get("/api/blueprints/phone-check-v1");
  if (exists.status() === 404) {
    const yaml = revisedBlueprint("1.0.0", 4);
    const body = { id: "phone-check-v1", name: "Phone check", version: "1.0.0", blueprint_yaml: yaml };
    expect((await api.post("/api/blueprints", { data: body })).status()).toBe(201);
    expect((await api.put("/api/blueprints/phone-check-v1", { data: { blueprint_yaml: revisedBlueprint("1.1.0", 6) } })).status()).toBe(
      200,
    );
  }
});
test.afterAll(async () => api.dispose());

/** How far the page reaches past the screen's right edge, with the elements that stick out furthest. */
async function sidewaysOverflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Content clipped by a scrolling or hidden-overflow ancestor does not widen the page; only an
    // ancestor on the element's containing-block chain clips it (absolute content skips the
    // unpositioned ones, fixed content all of them).
    const clipped = (element: HTMLElement) => {
      let position = getComputedStyle(element).position;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const contains = position === "absolute" ? style.position !== "static" : position !== "fixed";
        if (!contains) continue;
        if (style.overflowX !== "visible") return true;
        position = style.position;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => !clipped(element))
      .map((element) => ({ element, right: element.getBoundingClientRect().right }))
      .filter(({ right }) => right > width + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(
        ({ element, right }) => `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 60)} right=${Math.round(right)}`,
      );
    return { excess: document.documentElement.scrollWidth - width, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, path: string, ready: (page: Page) => Locator) {
  await page.goto(path);
  await expect(ready(page)).toBeVisible({ timeout: 20_000 });
  const { excess, culprits } = await sidewaysOverflow(page);
  expect(excess, `${path} scrolls sideways by ${excess}px: ${culprits.join("; ")}`).toBeLessThanOrEqual(0);
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole("heading", { level: 1, name });
const editor = (page: Page) => page.locator(".monaco-editor").first();

test.describe("[UI][PHONE]", () => {
  const consolePages: Array<{ name: string; path: () => string; ready: (page: Page) => Locator; studio?: boolean }> = [
    { name: "clusters list", path: () => "/clusters", ready: (page) => page.getByRole("table", { name: "Clusters" }) },
    { name: "a cluster", path: () => `/clusters/${clusterId}`, ready: (page) => page.getByTestId("workers") },
    {
      name: "a cluster's tasks",
      path: () => `/clusters/${clusterId}?tab=tasks`,
      ready: (page) => page.getByRole("table", { name: "Tasks" }),
    },
    {
      name: "a task's drawer",
      path: () => `/clusters/${clusterId}?tab=tasks&task=${taskId}`,
      ready: (page) => page.getByTestId("task-details"),
    },
    { name: "blueprints list", path: () => "/blueprints", ready: (page) => page.getByRole("link", { name: "Marketing Department" }) },
    { name: "a blueprint", path: () => "/blueprints/marketing-v1", ready: (page) => page.getByRole("list", { name: "Spawn plan" }) },
    { name: "new blueprint", path: () => "/blueprints/new", ready: heading(/blueprint/i), studio: true },
    { name: "edit blueprint", path: () => "/blueprints/marketing-v1/edit", ready: editor, studio: true },
    {
      name: "compare revisions",
      path: () => "/blueprints/phone-check-v1/compare?from=1&to=2",
      ready: heading(/^Revision 1 /),
      studio: true,
    },
    { name: "users", path: () => "/users", ready: (page) => page.getByRole("table", { name: "Users" }) },
    { name: "API tokens", path: () => "/tokens", ready: (page) => page.getByRole("table", { name: "API tokens" }) },
    { name: "audit log", path: () => "/audit", ready: (page) => page.getByRole("table", { name: "Audit log" }) },
    {
      name: "API docs",
      path: () => "/docs",
      ready: (page) => page.getByTestId("api-docs").getByRole("heading", { name: /Cluster Console API/ }),
    },
    { name: "an unknown page", path: () => "/no-such-page", ready: heading("Page not found") },
  ];

  for (const consolePage of consolePages) {
    test(`${consolePage.name} does not scroll sideways`, async ({ page }) => {
      await expectNoSidewaysScroll(page, consolePage.path(), consolePage.ready);
    });
  }

  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });
    test("the sign-in page does not scroll sideways", async ({ page }) => {
      await expectNoSidewaysScroll(page, "/signin", (page) => page.getByRole("button", { name: "Sign in" }));
    });
  });

  test("every section and Sign out are reachable through the menu, by pointer and by keyboard", async ({ page }) => {
    await page.goto("/clusters");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    // Folded away: no section link shows until the menu opens.
    await expect(page.getByRole("link", { name: "Audit log" })).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of ["Clusters", "Blueprints", "API tokens", "API docs", "Users", "Audit log"]) {
      await expectOnScreen(page, nav.getByRole("link", { name: section, exact: true }));
    }
    await expectOnScreen(page, page.getByRole("button", { name: "Sign out" }));
    await expect(nav.getByRole("link", { name: "Clusters", exact: true })).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const section of ["Clusters", "Blueprints", "API tokens", "API docs", "Users"]) {
      await expect(nav.getByRole("link", { name: section, exact: true })).toBeFocused();
      await page.keyboard.press("Tab");
    }
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("the clusters list does not scroll sideways while the workers' history loads", async ({ page }) => {
    // Each row's sparkline then holds screen-reader text, placed absolutely inside the table's frame.
    let releaseHistory = () => {};
    const historyHeld = new Promise<void>((resolve) => (releaseHistory = resolve));
    await page.route("**/api/clusters/worker-history?*", async (route) => {
      await historyHeld;
      await route.continue();
    });
    await expectNoSidewaysScroll(page, "/clusters", (page) => page.getByText("Loading the worker history…").first());
    releaseHistory();
  });

  test("the clusters table says that it scrolls sideways", async ({ page }) => {
    await page.goto("/clusters");
    const table = page.getByRole("table", { name: "Clusters" });
    await expect(table).toBeVisible();
    await expect(page.getByTestId("table-scroll-cue")).toHaveText("Scroll sideways to see all 8 columns");
    const frame = page.getByRole("region", { name: "Clusters, scrolls sideways" });
    await frame.focus();
    for (let step = 0; step < 30; step++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => frame.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await expect(table.getByRole("columnheader", { name: "Health" })).toBeInViewport();
  });

  test("a viewer's menu holds the viewer's sections and signs out", async ({ browser, baseURL }) => {
    // A session of its own, so signing out leaves the stored one for the other specs.
    const context = await browser.newContext({ viewport: PHONE, baseURL, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(readPrincipals().users.viewer);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/clusters$/);
    await page.getByRole("button", { name: "Menu" }).click();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "API docs" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByTestId("signed-in-user").filter({ visible: true })).toContainText("viewer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await context.close();
  });
});

test.describe("[UI][NARROW_LAPTOP]", () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test("at 1024 wide the header shows every section in a row and nothing scrolls sideways", async ({ page }) => {
    await expectNoSidewaysScroll(page, "/audit", (page) => page.getByRole("table", { name: "Audit log" }));
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toBeInViewport();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
  });
});

async function expectOnScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}
