// The Tasks tab of a cluster page: an operator submits tasks from the dialog (text and JSON), finds
// them in the list and their details in the drawer, cancels a queued one and retries it; a viewer
// reads the same tab without any control that changes a task. The blueprint's `poster` group has no
// worker running, so tasks addressed to it wait queued for as long as a test needs.
import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { AUTH_DIR, bearer, readPrincipals } from "../support/principals";

// A worker started again after a failed test runs beforeAll again: its own names keep it from colliding.
const RUN = Date.now().toString(36);
const BLUEPRINT_ID = `tasks-ui-${RUN}`;
const CLUSTER_NAME = `Task desk ${RUN}`;
const blueprintYaml = `metadata: { id: ${BLUEPRINT_ID}, name: Tasks UI, version: 1.0.0 }
cluster: { type: team, min_workers: 1, max_workers: 3, target_workers: 1, config: { executor: { type: simulate } } }
agents:
  - { name: boss, role: supervisor, capabilities: [planning] }
  - { name: writer, role: worker, count: 1-2, reports_to: boss, capabilities: [writing] }
  - { name: poster, role: worker, count: 0-1, reports_to: boss, capabilities: [publishing] }
`;

let api: APIRequestContext;
let clusterId: string;

test.beforeAll(async ({ baseURL }) => {
  api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
  const blueprint = { id: BLUEPRINT_ID, name: "Tasks UI", version: "1.0.0", blueprint_yaml: blueprintYaml };
  expect((await api.post("/api/blueprints", { data: blueprint })).status()).toBe(201);
  const created = await api.post("/api/clusters", { data: { blueprint_id: BLUEPRINT_ID, name: CLUSTER_NAME } });
  expect(created.status()).toBe(201);
  clusterId = ((await created.json()) as { id: string }).id;
});
test.afterAll(async () => api.dispose());

async function openTasksTab(page: Page) {
  await page.goto(`/clusters/${clusterId}`);
  await expect(page.getByRole("heading", { name: CLUSTER_NAME })).toBeVisible();
  await page.getByRole("tab", { name: "Tasks" }).click();
  await expect(page).toHaveURL(/[?&]tab=tasks/);
}

test.describe("[UI][TASKS]", () => {
  test.describe("as an operator", () => {
    test.use({ storageState: `${AUTH_DIR}/operator.json` });

    test("submits a text task, keeps JSON that does not parse, then submits it as JSON; both in the list and the drawer", async ({
      page,
    }) => {
      await openTasksTab(page);
      await page.getByRole("button", { name: "Submit task" }).click();
      const dialog = page.getByRole("dialog", { name: "Submit a task" });
      await expect(dialog.getByLabel("Input", { exact: true })).toBeFocused();
      await dialog.getByLabel("Input", { exact: true }).fill("Write a <b>launch</b> post");
      await dialog.getByLabel("Definition").selectOption("poster");
      await expect(dialog.getByLabel("Capability").locator("option")).toHaveText(["any", "publishing"]);
      await dialog.getByRole("button", { name: "Submit task" }).click();

      // The new task opens in the drawer; its input is text, never markup.
      const drawer = page.getByRole("dialog", { name: /^Task [0-9a-f]{8}$/ });
      await expect(drawer.getByTestId("task-status")).toHaveText(/queued/);
      await expect(drawer.locator("pre").first()).toHaveText("Write a <b>launch</b> post");
      await expect(drawer.locator("b")).toHaveCount(0);
      await expect(drawer).toContainText("poster");
      await expect(page).toHaveURL(/[?&]task=[0-9a-f-]{36}/);
      await drawer.getByRole("button", { name: "Close" }).click();
      await expect(page).not.toHaveURL(/[?&]task=/);
      await expect(page.getByRole("table", { name: "Tasks" })).toContainText("Write a <b>launch</b> post");

      await page.getByRole("button", { name: "Submit task" }).click();
      await dialog.getByRole("radio", { name: "JSON" }).check();
      const input = dialog.getByLabel("Input", { exact: true });
      await input.fill('{"topic": "launch", ');
      await dialog.getByLabel("Capability").selectOption("publishing");
      await dialog.getByLabel("Priority (0-9)").fill("8");
      await dialog.getByRole("button", { name: "Submit task" }).click();
      await expect(dialog.getByRole("alert")).toContainText("This is not valid JSON");
      await expect(input).toHaveValue('{"topic": "launch", ');
      await input.fill('{"topic": "launch", "channels": ["blog"]}');
      await dialog.getByRole("button", { name: "Submit task" }).click();

      await expect(drawer.getByTestId("task-status")).toHaveText(/queued/);
      await expect(drawer.locator("pre").first()).toHaveText(JSON.stringify({ topic: "launch", channels: ["blog"] }, null, 2));
      await expect(drawer).toContainText("any agent with publishing");
      await drawer.getByRole("button", { name: "Close" }).click();
      const rows = page.getByRole("table", { name: "Tasks" }).getByRole("row");
      // Newest first: the JSON task above the text one.
      await expect(rows.nth(1)).toContainText('{"topic":"launch","channels":["blog"]}');
      await expect(rows.nth(2)).toContainText("Write a <b>launch</b> post");

      await page.getByLabel("Status").selectOption("queued");
      await expect(page).toHaveURL(/[?&]status=queued/);
      await expect(page.getByRole("table", { name: "Tasks" })).toContainText("Write a <b>launch</b> post");
      await page.getByLabel("Status").selectOption("succeeded");
      await expect(page.getByText("No task matches these filters")).toBeVisible();
    });

    test("reaches the tab by keyboard, and refuses a timeout out of range in the API's words, keeping the text", async ({ page }) => {
      await page.goto(`/clusters/${clusterId}`);
      const overview = page.getByRole("tab", { name: "Overview" });
      await expect(overview).toHaveAttribute("aria-selected", "true");
      await overview.focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("tab", { name: "Tasks" })).toBeFocused();
      await expect(page.getByRole("tab", { name: "Tasks" })).toHaveAttribute("aria-selected", "true");
      await expect(page.getByRole("tabpanel", { name: "Tasks" })).toBeVisible();
      await expect(page).toHaveURL(/[?&]tab=tasks/);
      await page.getByRole("button", { name: "Submit task" }).click();
      const dialog = page.getByRole("dialog", { name: "Submit a task" });
      await dialog.getByLabel("Input", { exact: true }).fill("keep me");
      await dialog.getByLabel("Timeout (seconds)").fill("0");
      await dialog.getByRole("button", { name: "Submit task" }).click();
      await expect(dialog.getByRole("alert")).toContainText("timeout_s must be from 1 to 86400");
      await expect(dialog.getByLabel("Input", { exact: true })).toHaveValue("keep me");
    });

    test("cancels a queued task after confirming, then retries it", async ({ page }) => {
      const submitted = await api.post(`/api/clusters/${clusterId}/tasks`, { data: { input: "cancel me", definition: "poster" } });
      expect(submitted.status()).toBe(202);
      const task = (await submitted.json()) as { id: string };
      await page.goto(`/clusters/${clusterId}?tab=tasks&task=${task.id}`);
      const drawer = page.getByRole("dialog", { name: `Task ${task.id.slice(0, 8)}` });
      await expect(drawer.getByTestId("task-status")).toHaveText(/queued/);

      await drawer.getByRole("button", { name: "Cancel task" }).click();
      await drawer.getByRole("button", { name: "Keep it" }).click();
      await expect(drawer.getByTestId("task-status")).toHaveText(/queued/);
      await drawer.getByRole("button", { name: "Cancel task" }).click();
      await drawer.getByRole("button", { name: "Yes, cancel it" }).click();
      await expect(drawer.getByTestId("task-status")).toHaveText(/cancelled/);
      expect(((await (await api.get(`/api/tasks/${task.id}`)).json()) as { status: string }).status).toBe("cancelled");

      await drawer.getByRole("button", { name: "Retry" }).click();
      await expect(drawer.getByTestId("task-status")).toHaveText(/queued/);
      expect(((await (await api.get(`/api/tasks/${task.id}`)).json()) as { status: string }).status).toBe("queued");
      await drawer.getByRole("button", { name: "Close" }).click();
      await expect(page.getByTestId(`task-row-${task.id}`).getByTestId("task-status")).toHaveText(/queued/);
    });
  });

  test.describe("running tasks, as an operator", () => {
    test.use({ storageState: `${AUTH_DIR}/operator.json` });

    test("a busy agent shows in the hierarchy and the agents table; its finished task shows its result and attempt", async ({ page }) => {
      const submitted = await api.post(`/api/clusters/${clusterId}/tasks`, {
        // Long enough to be seen busy on a loaded machine.
        data: { input: { duration_ms: 20_000, note: "slow" }, definition: "writer" },
      });
      expect(submitted.status()).toBe(202);
      const task = (await submitted.json()) as { id: string };
      await page.goto(`/clusters/${clusterId}`);
      const writer = page.getByTestId("agent-node-writer-1");
      await expect(writer).toHaveAttribute("data-running-tasks", "1", { timeout: 15_000 });
      await expect(writer).toContainText("busy · 1 task");
      const row = page.getByTestId("agent-row-writer-1");
      await expect(row).toContainText("busy · 1 task");
      await expect(row.getByRole("link", { name: `Current task ${task.id.slice(0, 8)}` })).toBeVisible();
      await expect(page.getByTestId("agent-row-boss")).toContainText("idle");

      // The current task's link opens it on the Tasks tab; it finishes there without a reload.
      await row.getByRole("link", { name: `Current task ${task.id.slice(0, 8)}` }).click();
      const drawer = page.getByRole("dialog", { name: `Task ${task.id.slice(0, 8)}` });
      await expect(page.getByRole("tab", { name: "Tasks" })).toHaveAttribute("aria-selected", "true");
      await expect(drawer.getByTestId("task-status")).toHaveText(/running/);
      await expect(drawer).toContainText("so far");
      await expect(drawer.getByTestId("task-status")).toHaveText(/succeeded/, { timeout: 40_000 });
      await expect(drawer.locator("pre").nth(1)).toHaveText(JSON.stringify({ duration_ms: 20_000, note: "slow" }, null, 2));
      await expect(drawer.getByTestId("attempt-1")).toContainText("succeeded");
      await expect(drawer.getByTestId("attempt-1")).toContainText("on writer-1");
      await drawer.getByRole("button", { name: "Close" }).click();
      await expect(page.getByTestId(`task-row-${task.id}`)).toContainText("writer-1");
      await expect(page.getByTestId(`task-row-${task.id}`)).toContainText("1 / 3");
    });

    test("a task whose every attempt fails is dead with its error, and a retry runs it again", async ({ page }) => {
      const submitted = await api.post(`/api/clusters/${clusterId}/tasks`, {
        data: { input: { fail_rate: 1 }, definition: "writer", max_attempts: 1 },
      });
      expect(submitted.status()).toBe(202);
      const task = (await submitted.json()) as { id: string };
      await page.goto(`/clusters/${clusterId}?tab=tasks&task=${task.id}`);
      const drawer = page.getByRole("dialog", { name: `Task ${task.id.slice(0, 8)}` });
      await expect(drawer.getByTestId("task-status")).toHaveText(/dead/, { timeout: 15_000 });
      await expect(drawer).toContainText("a simulated failure (fail_rate 1)");
      await expect(drawer.getByTestId("attempt-1")).toContainText("failed");
      await drawer.getByRole("button", { name: "Retry" }).click();
      // Queued again, it runs at once and fails again: a second attempt, numbered on.
      await expect(drawer.getByTestId("attempt-2")).toContainText("failed", { timeout: 15_000 });
      await expect(drawer.getByTestId("task-status")).toHaveText(/dead/);
    });
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: `${AUTH_DIR}/viewer.json` });

    test("reads the tasks and a task's details without any control that changes them", async ({ page }) => {
      const submitted = await api.post(`/api/clusters/${clusterId}/tasks`, { data: { input: "read me", definition: "poster" } });
      expect(submitted.status()).toBe(202);
      const task = (await submitted.json()) as { id: string };
      await openTasksTab(page);
      await expect(page.getByTestId(`task-row-${task.id}`)).toContainText("read me");
      await expect(page.getByRole("button", { name: /Submit/ })).toHaveCount(0);
      await page
        .getByTestId(`task-row-${task.id}`)
        .getByRole("button", { name: task.id.slice(0, 8) })
        .click();
      const drawer = page.getByRole("dialog", { name: `Task ${task.id.slice(0, 8)}` });
      await expect(drawer.getByTestId("task-status")).toHaveText(/queued/);
      for (const name of ["Cancel task", "Retry"]) await expect(drawer.getByRole("button", { name })).toHaveCount(0);
    });
  });
});
