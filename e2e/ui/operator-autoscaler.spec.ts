// The autoscaler in the console: a cluster scaling live on posted demand, its charts and range
// picker, the panel's decisions and pause controls, and the list's sparkline. Named to run after
// blueprints.spec.ts, whose catalogue it would change.
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { AUTH_DIR, bearer, readPrincipals } from "../support/principals";

const FAST_YAML = readFileSync("blueprints/autoscaler-demo.yaml", "utf8")
  .replace("id: autoscaler-demo-v1", "id: e2e-ui-autoscaler")
  .replace("name: Autoscaler Demo Desk", "name: E2E UI Autoscaler")
  .replace("evaluation_interval_s: 2", "evaluation_interval_s: 1");

let api: APIRequestContext;
let clusterId = "";

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
  // 409: a worker restarted after a failure finds the blueprint an earlier one made.
  expect([201, 409]).toContain(
    (
      await api.post("/api/blueprints", {
        data: { id: "e2e-ui-autoscaler", name: "E2E UI Autoscaler", version: "1.0.0", blueprint_yaml: FAST_YAML },
      })
    ).status(),
  );
  clusterId = (
    await (await api.post("/api/clusters", { data: { blueprint_id: "e2e-ui-autoscaler", name: "Autoscaled in the UI" } })).json()
  ).id;
});
test.afterAll(async () => api.dispose());

const postQueueDepth = (value: number) =>
  api.post(`/api/clusters/${clusterId}/metrics`, { data: { points: [{ name: "queue_depth", value }] } });

test.describe("[UI][AUTOSCALER]", () => {
  test("demand scales the cluster live; the charts, the decisions and the pause show it", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`/clusters/${clusterId}`);
    const panel = page.getByRole("region", { name: "Autoscaler" });
    await expect(panel).toContainText("Keeps queue_depth at about 5 per worker (within 10%), looking every 1 s.");
    await expect(panel).toContainText("Running");

    // 40 queued at 5 per worker: the header follows the autoscaler to 8 workers.
    await expect
      .poll(
        async () => {
          await postQueueDepth(40);
          return page.getByTestId("workers").textContent();
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBe("8 current / 8 target");
    const changes = panel.getByRole("list", { name: "Changes it made" });
    await expect(changes.locator('[data-action="scale"]').first()).toContainText("Scaled out 6 → 8 workers");
    await expect(changes).toContainText("queue_depth 40 over 2 workers, target 5 per worker -> 8");

    const queueChart = page.getByRole("figure", { name: "Queue depth", exact: true });
    await expect(queueChart).toHaveAttribute("data-points", /^[1-9]\d*$/);
    await expect(queueChart).toContainText("target");
    await expect(page.getByRole("figure", { name: "Workers", exact: true })).toHaveAttribute("data-points", /^[1-9]\d*$/);
    // A longer range reads per-minute aggregates: still a point for this minute.
    await page.getByRole("radiogroup", { name: "Time range" }).getByRole("radio", { name: "6 h", exact: true }).check();
    await expect(queueChart).toHaveAttribute("aria-busy", "false");
    await expect(queueChart).toHaveAttribute("data-points", /^[1-9]\d*$/);

    // Paused: zero demand leaves the workers alone, and the latest decision says why.
    const pause = panel.getByRole("radiogroup", { name: "Autoscaler pause" });
    await pause.getByRole("radio", { name: "Pause all", exact: true }).check();
    await expect(panel).toContainText("Paused: it watches but does not scale");
    expect((await (await api.get(`/api/clusters/${clusterId}/autoscaler`)).json()).pause).toBe("all");
    await expect(page.getByRole("list", { name: "Activity" })).toContainText("autoscaling paused");
    await expect
      .poll(
        async () => {
          await postQueueDepth(0);
          return panel.getByRole("region", { name: "Latest decision" }).textContent();
        },
        { timeout: 20_000, intervals: [1000] },
      )
      .toContain("autoscaling is paused");
    await expect(page.getByTestId("workers")).toHaveText("8 current / 8 target");
    await pause.getByRole("radio", { name: "Running", exact: true }).check();
    await expect(panel.getByText(/^Paused/)).toHaveCount(0);
    await expect.poll(async () => (await (await api.get(`/api/clusters/${clusterId}/autoscaler`)).json()).pause).toBe("none");

    await page.goto("/clusters");
    await page.getByLabel("Search clusters").fill("Autoscaled in the UI");
    await expect(
      page.getByTestId("cluster-row-Autoscaled in the UI").getByRole("img", { name: /^Active workers over the last hour: \d/ }),
    ).toBeVisible();
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: `${AUTH_DIR}/viewer.json` });

    test("sees the autoscaler's state but no pause control", async ({ page }) => {
      await page.goto(`/clusters/${clusterId}`);
      const panel = page.getByRole("region", { name: "Autoscaler" });
      await expect(panel).toContainText("Pausing the autoscaler needs the operator role.");
      await expect(panel.getByRole("radiogroup", { name: "Autoscaler pause" })).toHaveCount(0);
    });
  });
});
