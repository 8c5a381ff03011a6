import { type APIRequestContext, expect, type Locator, type Page, request, test } from "@playwright/test";
import { AUTH_DIR, bearer, readPrincipals } from "../support/principals";
import { createMarketingCluster } from "../support/marketing-cluster";

let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
});
test.afterAll(async () => api.dispose());

/** Drags the slider's thumb to roughly `value`, then returns the value it landed on. */
async function dragSlider(page: Page, slider: Locator, value: number, min: number, max: number): Promise<number> {
  const box = (await slider.boundingBox())!;
  const current = Number(await slider.inputValue());
  const at = (v: number) => box.x + 8 + ((box.width - 16) * (v - min)) / (max - min);
  await page.mouse.move(at(current), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(at(value), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  return Number(await slider.inputValue());
}

test.describe("[UI][OPERATOR_CONSOLE]", () => {
  test("create from marketing-v1 in the dialog, scale 3 -> 8 with the slider, see 8 workers, hibernate and reactivate", async ({
    page,
  }) => {
    await page.goto("/clusters");
    await page.getByRole("button", { name: "New cluster" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a cluster" });
    await dialog.getByLabel("Search blueprints").fill("marketing");
    await dialog.getByRole("radio", { name: /Marketing Department/ }).check();
    await dialog.getByLabel("Name", { exact: true }).fill("Dialog campaign");
    await dialog.getByLabel("target_workers").fill("40");
    // The server's own words for overrides the worker groups cannot hold, before anything is created.
    await expect(dialog.getByRole("alert", { name: "Problems with these settings" })).toContainText("target_workers");
    await expect(dialog.getByRole("button", { name: "Create cluster" })).toBeDisabled();
    await dialog.getByLabel("target_workers").fill("3");
    await expect(dialog.getByRole("list", { name: "Spawn plan" })).toContainText("copywriter-1");
    await expect(dialog.getByText("6 agents at 3 workers")).toBeVisible();
    await expect(dialog.getByLabel("Agents per role")).toContainText("worker3");
    await dialog.getByRole("button", { name: "Create cluster" }).click();

    await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Dialog campaign" })).toBeVisible();
    await expect(page.getByTestId("workers")).toHaveText("3 current / 3 target");

    const slider = page.getByRole("slider", { name: "Target workers" });
    const landed = await dragSlider(page, slider, 6, 2, 12);
    expect(landed).toBeGreaterThan(3);
    await slider.focus();
    for (let value = landed; value < 8; value++) await page.keyboard.press("ArrowRight");
    for (let value = landed; value > 8; value--) await page.keyboard.press("ArrowLeft");
    await expect(slider).toHaveValue("8");
    await expect(page.getByRole("list", { name: "Workers per group" })).toContainText(/copywriter \d+ → \d+/);
    // marketing-v1 has a scaling policy: the card offers to pause the autoscaler with the scale.
    await page.getByRole("button", { name: "Scale to 8 once; the autoscaler may change it" }).click();
    // 3 -> 8 is large: it asks first.
    await page.getByRole("button", { name: "Yes, scale to 8" }).click();
    await expect(page.getByTestId("workers")).toHaveText("8 current / 8 target");

    await page.getByRole("button", { name: "Expand all" }).click();
    await expect(page.locator('[data-testid^="agent-node-"][data-role="worker"]')).toHaveCount(8);
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect(page.getByTestId("group-node-copywriter")).toBeVisible();

    // Search reveals an agent inside a collapsed group; its card opens the details.
    await page.getByLabel("Find an agent by name").fill("copywriter-2");
    await page.getByLabel("Find an agent by name").press("Enter");
    await page.getByTestId("agent-node-copywriter-2").click();
    const details = page.getByTestId("agent-details");
    await expect(details.getByRole("heading", { name: "copywriter-2" })).toBeVisible();
    await expect(details).toContainText("writing");
    await page.keyboard.press("Escape");
    await expect(details).toHaveCount(0);

    const hibernatedFact = page.locator("dt:text-is('Hibernated') + dd");
    await page.getByRole("button", { name: "Hibernate" }).click();
    const hibernateDialog = page.getByRole("dialog", { name: /Hibernate/ });
    // It says what reactivating will bring back: min_workers, not "the workers" it had.
    await expect(hibernateDialog).toContainText("Reactivating wakes 2 workers (the minimum) unless you ask for more then (now 8).");
    await hibernateDialog.getByRole("button", { name: "Hibernate" }).click();
    await expect(page.getByTestId("cluster-status")).toHaveText("hibernated");
    await expect(page.getByTestId("workers")).toContainText("0 current");
    // A sleeping cluster has no health to show, and says since when it sleeps.
    const clusterHeader = page.locator("header", { has: page.getByRole("heading", { level: 1, name: "Dialog campaign" }) });
    await expect(clusterHeader).toContainText("asleep");
    await expect(clusterHeader).not.toContainText("healthy");
    await expect(hibernatedFact).not.toHaveText("no");
    // Framing the whole team again: the search zoomed in on one worker.
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect(page.getByTestId("agent-node-seo-specialist")).toHaveAttribute("data-status", "hibernated");
    await expect(page.getByRole("slider", { name: "Target workers" })).toBeDisabled();
    await expect(page.getByText("The cluster is hibernated: reactivate it to scale.")).toBeVisible();

    await page.getByRole("button", { name: "Reactivate" }).click();
    const reactivateDialog = page.getByRole("dialog", { name: /Reactivate/ });
    // Prefilled with what an empty reactivate does.
    await expect(reactivateDialog.getByLabel("Workers to wake")).toHaveValue("2");
    await reactivateDialog.getByRole("button", { name: "Reactivate" }).click();
    await expect(page.getByTestId("cluster-status")).toHaveText("active");
    await expect(page.getByTestId("workers")).toHaveText("2 current / 2 target");
    await expect(hibernatedFact).toHaveText("no");
    await expect(page.getByRole("list", { name: "Activity" })).toContainText("reactivated");
  });

  test("Expand all also opens the groups a later scale brings (a script scales while the page is open)", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Growing team");
    await page.goto(`/clusters/${cluster.id}`);
    const workers = page.locator('[data-testid^="agent-node-"][data-role="worker"]');
    // At 3 workers only the copywriters form a group; the single social poster is drawn as a card.
    await expect(page.getByTestId("group-node-copywriter")).toBeVisible();
    await page.getByRole("button", { name: "Expand all" }).click();
    await expect(workers).toHaveCount(3);

    // A script scales to 8: the social posters become a group too, and it opens like the rest.
    expect((await api.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 8 } })).status()).toBe(200);
    await expect(page.getByTestId("workers")).toHaveText("8 current / 8 target");
    await expect(workers).toHaveCount(8);
    await expect(page.locator('[data-testid^="group-node-"]')).toHaveCount(0);

    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect(page.getByTestId("group-node-copywriter")).toBeVisible();
    await expect(page.getByTestId("group-node-social-poster")).toBeVisible();
    await expect(workers).toHaveCount(0);
  });

  test("a scale in one tab, and one by a script, shows in another tab within two seconds", async ({ page, context }) => {
    const cluster = await createMarketingCluster(api, "Two tabs");
    const other = await context.newPage();
    await page.goto(`/clusters/${cluster.id}`);
    await other.goto(`/clusters/${cluster.id}`);
    await expect(other.getByTestId("live-state")).toHaveAttribute("data-state", "live");

    await page.getByRole("spinbutton", { name: "Target workers (number)" }).fill("5");
    const scaled = page.waitForResponse((response) => response.url().endsWith("/scale") && response.status() === 200);
    await page.getByRole("button", { name: "Scale to 5 once; the autoscaler may change it" }).click();
    await scaled;
    await expect(other.getByTestId("workers")).toHaveText("5 current / 5 target", { timeout: 2_000 });

    expect((await api.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 4 } })).status()).toBe(200);
    await expect(other.getByTestId("workers")).toHaveText("4 current / 4 target", { timeout: 2_000 });
    await expect(page.getByTestId("workers")).toHaveText("4 current / 4 target", { timeout: 2_000 });
    await expect(other.getByRole("list", { name: "Activity" })).toContainText("workers 5 → 4");
  });

  test("an answer read before a change the stream already showed does not take the page back", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Late answer");
    // The page's next read of the cluster is read at once but delivered only when the test says.
    let holdNextRead = false;
    let readHeld!: () => void;
    const heldRead = new Promise<void>((resolve) => (readHeld = resolve));
    let deliver!: () => void;
    const delivered = new Promise<void>((resolve) => (deliver = resolve));
    await page.route(
      (url) => url.pathname === `/api/clusters/${cluster.id}`,
      async (route) => {
        if (route.request().method() !== "GET" || !holdNextRead) return route.continue();
        holdNextRead = false;
        const response = await route.fetch();
        readHeld();
        await delivered;
        await route.fulfill({ response });
      },
    );
    await page.goto(`/clusters/${cluster.id}`);
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    const workers = page.getByTestId("workers");

    holdNextRead = true;
    await page.getByRole("spinbutton", { name: "Target workers (number)" }).fill("5");
    await page.getByRole("button", { name: "Scale to 5 once; the autoscaler may change it" }).click();
    // The scale's own refetch has read "5 / 5"; a script scales to 4 before that answer arrives.
    await heldRead;
    expect((await api.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 4 } })).status()).toBe(200);
    await expect(workers).toHaveText("4 current / 4 target");

    const lateAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/clusters/${cluster.id}`);
    deliver();
    await lateAnswer;
    // Two frames: the answer has reached the cache and React has drawn whatever it holds.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await workers.textContent()).toBe("4 current / 4 target");
  });

  test("edit the name and limits, with the server's refusal shown in the form; delete only after typing the name", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Edited team");
    await page.goto(`/clusters/${cluster.id}`);
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: /Edit/ });
    await edit.getByLabel("max_workers").fill("40");
    await edit.getByRole("button", { name: "Save" }).click();
    // The worker groups cannot hold 40: the server says so, once, in the form, and nothing changes.
    await expect(edit.getByRole("alert")).toContainText("max_workers");
    await expect(page.getByText(`Could not update "Edited team"`)).toHaveCount(0);
    await edit.getByLabel("Name", { exact: true }).fill("Renamed team");
    await edit.getByLabel("max_workers").fill("10");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Renamed team" })).toBeVisible();
    await expect(page.getByText("(limits 2 to 10)")).toBeVisible();

    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: /Delete/ });
    const remove = confirm.getByRole("button", { name: "Delete cluster" });
    await expect(remove).toBeDisabled();
    await confirm.getByRole("textbox").fill("Renamed tea");
    await expect(remove).toBeDisabled();
    await confirm.getByRole("textbox").fill("Renamed team");
    await remove.click();
    await expect(page).toHaveURL(/\/clusters$/);
    expect((await api.get(`/api/clusters/${cluster.id}`)).status()).toBe(404);
  });

  test("a refused action (stale revision) rolls back and says why", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Stale tab");
    // Without live updates this tab keeps the revision it loaded (the page's stream follows the cluster: ?cluster_id=…).
    await page.route("**/api/events**", (route) => route.abort());
    await page.goto(`/clusters/${cluster.id}`);
    await expect(page.getByTestId("cluster-status")).toHaveText("active");
    expect((await api.post(`/api/clusters/${cluster.id}/scale`, { data: { target_workers: 4 } })).status()).toBe(200);

    await page.getByRole("button", { name: "Hibernate" }).click();
    await page
      .getByRole("dialog", { name: /Hibernate/ })
      .getByRole("button", { name: "Hibernate" })
      .click();
    await expect(page.getByText(`Could not hibernate "Stale tab"`)).toBeVisible();
    await expect(page.getByText(/the cluster changed since revision \d+; it is at revision \d+/)).toBeVisible();
    await expect(page.getByTestId("cluster-status")).toHaveText("active");
    // The refetch after the refusal shows the other change.
    await expect(page.getByTestId("workers")).toHaveText("4 current / 4 target");
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: `${AUTH_DIR}/viewer.json` });

    test("sees the cluster without any mutation control", async ({ page }) => {
      const cluster = await createMarketingCluster(api, "Viewer view");
      await page.goto(`/clusters/${cluster.id}`);
      await expect(page.getByRole("heading", { name: "Viewer view" })).toBeVisible();
      await expect(page.getByText("Read-only: operating clusters needs the operator role.")).toBeVisible();
      await expect(page.getByText("Scaling needs the operator role.")).toBeVisible();
      for (const name of ["Hibernate", "Reactivate", "Edit", "Delete", /Scale/])
        await expect(page.getByRole("button", { name })).toHaveCount(0);
      await expect(page.getByRole("slider")).toHaveCount(0);
      await page.goto("/clusters");
      await expect(page.getByRole("button", { name: "New cluster" })).toHaveCount(0);
    });
  });

  test.describe("as an operator", () => {
    test.use({ storageState: `${AUTH_DIR}/operator.json` });

    test("operates clusters but cannot edit blueprints", async ({ page }) => {
      await page.goto("/blueprints/marketing-v1");
      await expect(page.getByRole("link", { name: "Create a cluster" })).toBeVisible();
      await page.getByRole("link", { name: "Open in the studio" }).click();
      await expect(page.getByTestId("save-state")).toHaveText("Read-only: editing blueprints needs the admin role.");
      await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    });
  });
});
