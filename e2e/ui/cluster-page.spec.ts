// The cluster page in the situations a first try stumbled on: the autoscaler owning the workers, a
// cluster deleted from elsewhere, an outage, and the create dialog opened on a blueprint.
import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";
import { createMarketingCluster } from "../support/marketing-cluster";

let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
});
test.afterAll(async () => api.dispose());

/** Opens the cluster's page and waits until it is live and loaded (longer than usual: two cores serve the server and the browser). */
async function openCluster(page: Page, id: string): Promise<void> {
  await page.goto(`/clusters/${id}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  await expect(page.getByRole("region", { name: "Autoscaler" })).toContainText("Running", { timeout: 15_000 });
}

test.describe("[UI][CLUSTER_PAGE]", () => {
  test("the Scaling card says the autoscaler manages the workers, links its pause, and a scale can pause it", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Owned by the autoscaler");
    await openCluster(page, cluster.id);
    const scaling = page.getByRole("region", { name: "Scaling" });
    const note = scaling.getByTestId("autoscaler-owns-workers");
    await expect(note).toContainText("The autoscaler manages this cluster's workers.");
    await expect(note).toContainText("Keeps queue_depth at about");

    // The link leads to the autoscaler panel's pause control.
    await note.getByRole("link", { name: "autoscaler's pause control" }).click();
    await expect(page).toHaveURL(/#autoscaler-pause$/);
    const pauseControl = page.locator("#autoscaler-pause");
    await expect(pauseControl.getByRole("radiogroup", { name: "Autoscaler pause" })).toBeInViewport();

    // The choice is explicit at the click.
    await scaling.getByRole("spinbutton", { name: "Target workers (number)" }).fill("5");
    await expect(scaling.getByRole("button", { name: "Scale to 5 once; the autoscaler may change it" })).toBeEnabled();
    await scaling.getByRole("button", { name: "Scale to 5 and pause the autoscaler" }).click();
    await expect(page.getByTestId("workers")).toHaveText("5 current / 5 target");
    await expect(page.getByRole("region", { name: "Autoscaler" })).toContainText("Paused: it watches but does not scale");
    await expect(page.getByRole("list", { name: "Activity" })).toContainText("scaled to 5 workers; autoscaler paused to keep this size");
    expect((await (await api.get(`/api/clusters/${cluster.id}/autoscaler`)).json()).pause).toBe("all");

    // Paused, the card no longer claims the autoscaler's ownership and offers one plain button.
    await expect(note).toHaveCount(0);
    await scaling.getByRole("spinbutton", { name: "Target workers (number)" }).fill("6");
    await expect(scaling.getByRole("button", { name: "Scale to 6", exact: true })).toBeEnabled();
  });

  test("Escape cancels the large-change confirmation; dialogs open on their first field; the charts fit a new cluster", async ({
    page,
  }) => {
    const cluster = await createMarketingCluster(api, "Escaped");
    await openCluster(page, cluster.id);
    const scaling = page.getByRole("region", { name: "Scaling" });
    await scaling.getByRole("spinbutton", { name: "Target workers (number)" }).fill("12");
    await scaling.getByRole("button", { name: "Scale to 12 once; the autoscaler may change it" }).click();
    const confirmation = scaling.getByRole("alert");
    await expect(confirmation).toContainText("Scale from 3 to 12 workers? That is a large change.");
    await expect(confirmation.getByRole("button", { name: "Yes, scale to 12" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(confirmation).toHaveCount(0);
    await expect(scaling.getByRole("button", { name: "Scale to 12 once; the autoscaler may change it" })).toBeVisible();
    await expect(page.getByTestId("workers")).toHaveText("3 current / 3 target");

    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: /Edit/ });
    await expect(edit.getByLabel("Name", { exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(edit).toHaveCount(0);

    // Minutes old: the charts open at 15 minutes, not a sliver of an hour.
    await expect(page.getByRole("radiogroup", { name: "Time range" }).getByRole("radio", { name: "15 min", exact: true })).toBeChecked();

    // The collapsed group's card holds its "Show N workers" line.
    const group = page.getByTestId("group-node-copywriter");
    const show = group.getByText(/Show \d+ workers/);
    const [card, line] = [(await group.boundingBox())!, (await show.boundingBox())!];
    expect(line.y + line.height).toBeLessThanOrEqual(card.y + card.height - 2);
    expect(line.x + line.width).toBeLessThanOrEqual(card.x + card.width - 2);
  });

  test("a cluster deleted elsewhere: the page says who deleted it, disables every action and stops polling", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Deleted elsewhere");
    await openCluster(page, cluster.id);
    let clusterRequests = 0;
    page.on("request", (sent) => {
      if (new URL(sent.url()).pathname.startsWith(`/api/clusters/${cluster.id}`)) clusterRequests += 1;
    });

    expect((await api.delete(`/api/clusters/${cluster.id}`)).status()).toBe(204);
    const notice = page.getByRole("alert").filter({ hasText: "This cluster was deleted" });
    await expect(notice).toContainText("This cluster was deleted by admin@e2e.test.");
    await expect(page.getByTestId("cluster-status")).toHaveText("deleted");
    await expect(page.getByRole("heading", { level: 1, name: "Deleted elsewhere" })).toBeVisible();
    for (const name of ["Hibernate", "Edit", "Delete"]) await expect(page.getByRole("button", { name, exact: true })).toBeDisabled();
    await expect(page.getByRole("slider")).toHaveCount(0);
    await expect(page.getByRole("radiogroup", { name: "Autoscaler pause" })).toHaveCount(0);
    await expect(page.getByText("healthy")).toHaveCount(0);

    // The autoscaler panel polled every 5 s and the charts every 10 s: nothing asks any more.
    await page.waitForTimeout(1_000);
    clusterRequests = 0;
    await page.waitForTimeout(11_000);
    expect(clusterRequests).toBe(0);

    await notice.getByRole("link", { name: "Back to the clusters" }).click();
    await expect(page).toHaveURL(/\/clusters$/);
  });

  test("a cluster deleted while the tab missed the event: the next answer's 404 ends the page the same way", async ({ page }) => {
    const cluster = await createMarketingCluster(api, "Deleted unseen");
    // No event stream: the tab learns of the deletion only from the autoscaler panel's next poll.
    await page.route("**/api/events**", (route) => route.abort());
    await page.goto(`/clusters/${cluster.id}`);
    await expect(page.getByRole("region", { name: "Autoscaler" })).toContainText("Running", { timeout: 15_000 });

    expect((await api.delete(`/api/clusters/${cluster.id}`)).status()).toBe(204);
    const notice = page.getByRole("alert").filter({ hasText: "This cluster was deleted" });
    await expect(notice).toContainText("This cluster was deleted. What you see", { timeout: 15_000 });
    await expect(page.getByTestId("cluster-status")).toHaveText("deleted");
    for (const name of ["Hibernate", "Edit", "Delete"]) await expect(page.getByRole("button", { name, exact: true })).toBeDisabled();
    await expect(notice.getByRole("link", { name: "Back to the clusters" })).toBeVisible();
  });

  test("an outage: the indicator says Offline or Reconnecting, and a failed scale keeps the page and says nothing changed", async ({
    page,
    context,
  }) => {
    const cluster = await createMarketingCluster(api, "Through an outage");
    await openCluster(page, cluster.id);
    const live = page.getByTestId("live-state");
    const scaling = page.getByRole("region", { name: "Scaling" });
    const unreachable = "Could not reach the console. Nothing changed; try again.";

    await context.setOffline(true);
    await expect(live).toHaveAttribute("data-state", "offline");
    await expect(live).toHaveText("Offline");
    await scaling.getByRole("spinbutton", { name: "Target workers (number)" }).fill("4");
    await scaling.getByRole("button", { name: "Scale to 4 once; the autoscaler may change it" }).click();
    await expect(page.getByText(unreachable)).toBeVisible();
    await expect(page.getByText(`Could not scale "Through an outage"`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Through an outage" })).toBeVisible();
    await expect(page.getByTestId("workers")).toHaveText("3 current / 3 target");
    await expect(page.getByText("Failed to fetch")).toHaveCount(0);
    // The chosen target stays, ready to try again.
    await expect(scaling.getByRole("spinbutton", { name: "Target workers (number)" })).toHaveValue("4");

    await context.setOffline(false);
    await expect(live).toHaveAttribute("data-state", "live", { timeout: 15_000 });

    // The server stops answering while the stream stays open: the failed calls show, the data stays.
    await page.route("**/api/**", (route) => route.abort());
    await scaling.getByRole("button", { name: "Scale to 4 once; the autoscaler may change it" }).click();
    await expect(page.getByText(unreachable).first()).toBeVisible();
    await expect(live).toHaveAttribute("data-state", "reconnecting");
    await expect(live).toHaveText("Reconnecting…");
    // A poll of the autoscaler fails meanwhile, and its panel keeps what it showed.
    await page.waitForTimeout(6_000);
    await expect(page.getByRole("region", { name: "Autoscaler" })).toContainText("Running");
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
    await expect(page.getByText("Failed to fetch")).toHaveCount(0);

    await page.unroute("**/api/**");
    await expect(live).toHaveAttribute("data-state", "live", { timeout: 15_000 });
    expect((await (await api.get(`/api/clusters/${cluster.id}`)).json()).current_workers).toBe(3);
  });

  test("the create dialog opened on a blueprint shows it chosen, in view, with its values as placeholders", async ({ page }) => {
    // Sales Team sorts below the five rows the list shows.
    await page.goto("/clusters?create=sales-v1");
    const dialog = page.getByRole("dialog", { name: "Create a cluster" });
    await expect(dialog.getByLabel("Search blueprints")).toBeFocused();
    const chosen = dialog.getByRole("radio", { name: /Sales Team/ });
    await expect(chosen).toBeChecked();
    await expect(chosen).toBeInViewport();
    await expect(dialog).toContainText("Name the cluster to see what it would spawn.");
    await expect(dialog).not.toContainText("Pick a blueprint");
    await expect(dialog.getByLabel("min_workers")).toHaveAttribute("placeholder", "3 (blueprint)");
    await expect(dialog.getByLabel("max_workers")).toHaveAttribute("placeholder", "14 (blueprint)");
    await expect(dialog.getByLabel("target_workers")).toHaveAttribute("placeholder", "5 (blueprint)");
    await expect(dialog.getByLabel("Type")).toContainText("team (the blueprint's)");

    // A problem is said once, in the rule's words, without the raw path before it.
    await dialog.getByLabel("Name", { exact: true }).fill("Out of order");
    await dialog.getByLabel("min_workers").fill("10");
    await dialog.getByLabel("max_workers").fill("2");
    const problems = dialog.getByRole("alert", { name: "Problems with these settings" }).getByRole("listitem");
    await expect(problems.first()).toHaveText("min_workers (10) is greater than max_workers (2)");
    await expect(problems.filter({ hasText: "min_workers (10)" })).toHaveCount(1);
    await expect(problems.filter({ hasText: /^cluster\./ })).toHaveCount(0);
  });
});
