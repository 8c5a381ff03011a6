// What two real instances on one PostgreSQL database share beyond the clusters themselves (the
// PostgreSQL leg only): a tab on one instance sees a change made through the other within a
// second; tasks submitted through either run exactly once, and a long poll on one answers when
// the other's agent finishes; a revoked token stops on the other instance within a second; the
// sign-in lockout and the request budgets count the calls made to both.
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { bearer } from "../support/principals";
import { CLUSTER_ADMIN, type ConsoleCluster, startConsoleCluster } from "../support/console-cluster";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
/** Reads each caller may make per minute in the second pair of instances, which the budget test spends. */
const READS_PER_MINUTE = 12;

let cluster: ConsoleCluster;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startConsoleCluster({ port: BASE_PORT });
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function createCluster(api: APIRequestContext, name: string, targetWorkers = 3): Promise<string> {
  const response = await api.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name, target_workers: targetWorkers } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  // Only the specs move these clusters.
  expect((await api.put(`/api/clusters/${id}/autoscaler`, { data: { pause: "all" } })).status()).toBe(200);
  return id;
}

test("a tab on one instance shows a scale made through the other within a second", async ({ browser }) => {
  const [first, second] = cluster.instances;
  const clusterId = await createCluster(second!.api, "Seen across instances");
  const context = await browser.newContext({ baseURL: first!.server.url });
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(CLUSTER_ADMIN.email);
    await page.getByLabel("Password").fill(CLUSTER_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toContainText(CLUSTER_ADMIN.email);
    await page.goto(`/clusters/${clusterId}`);
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    await expect(page.getByTestId("workers")).toHaveText("3 current / 3 target");

    for (const target of [5, 2]) {
      expect((await second!.api.post(`/api/clusters/${clusterId}/scale`, { data: { target_workers: target } })).status()).toBe(200);
      const answered = Date.now();
      await expect(page.getByTestId("workers")).toHaveText(`${target} current / ${target} target`, { timeout: 1_000 });
      console.log(`scale to ${target} through instance 2 shown by the tab on instance 1 after ${Date.now() - answered} ms`);
    }
  } finally {
    await context.close();
  }
});

interface TaskAnswer {
  id: string;
  status: string;
  attempt_count: number;
  agent_id: string | null;
}

test("tasks submitted through either instance run exactly once; a long poll on one answers when the other finishes", async () => {
  const [first, second] = cluster.instances;
  // The cluster's agents run in the instance that started them: the second.
  const clusterId = await createCluster(second!.api, "Tasks across instances", 4);
  const submitted: string[] = [];
  for (let batch = 0; batch < 4; batch++) {
    const api = batch % 2 === 0 ? first!.api : second!.api;
    const tasks = Array.from({ length: 25 }, (_, index) => ({ input: { duration_ms: 20, n: batch * 25 + index } }));
    const response = await api.post(`/api/clusters/${clusterId}/tasks`, { data: { tasks } });
    expect(response.status()).toBe(202);
    submitted.push(...((await response.json()) as { items: Array<{ id: string }> }).items.map((task) => task.id));
  }
  expect(new Set(submitted).size).toBe(100);

  await expect
    .poll(
      async () => {
        const rows = await cluster.query<{ status: string; count: string }>(
          "SELECT status, COUNT(*) AS count FROM tasks WHERE cluster_id = $1 GROUP BY status",
          [clusterId],
        );
        return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
      },
      { timeout: 30_000, message: "all 100 tasks succeeded" },
    )
    .toEqual({ succeeded: 100 });
  const attempts = await cluster.query<{ task_id: string; attempts: string }>(
    "SELECT task_id, COUNT(*) AS attempts FROM task_attempts WHERE cluster_id = $1 GROUP BY task_id",
    [clusterId],
  );
  expect(attempts).toHaveLength(100);
  expect(attempts.filter((row) => Number(row.attempts) !== 1)).toEqual([]);

  // A task of a few seconds, submitted and waited for on the first instance, run by the second's agents.
  const slow = await first!.api.post(`/api/clusters/${clusterId}/tasks`, { data: { input: { duration_ms: 2_000 } } });
  expect(slow.status()).toBe(202);
  const { id } = (await slow.json()) as { id: string };
  const started = Date.now();
  const waited = await first!.api.get(`/api/tasks/${id}?wait_s=20`, { timeout: 25_000 });
  const elapsed = Date.now() - started;
  expect(waited.status()).toBe(200);
  const task = (await waited.json()) as TaskAnswer;
  expect(task.status).toBe("succeeded");
  expect(task.attempt_count).toBe(1);
  // It ran for two seconds; the answer came at the finish, not at the end of the 20 s wait.
  expect(elapsed).toBeGreaterThanOrEqual(1_900);
  expect(elapsed).toBeLessThan(5_000);
  console.log(`long poll on instance 1 answered ${elapsed} ms after the submission, for a 2,000 ms task run by instance 2`);
});

test("a token revoked through one instance stops working on the other within a second", async () => {
  const [first, second] = cluster.instances;
  const secret = cluster.consoleCommand("token", "create", "--email", CLUSTER_ADMIN.email, "--name", "revoked across instances");
  const caller = await request.newContext({ baseURL: first!.server.url, extraHTTPHeaders: bearer(secret) });
  try {
    // The first instance has the caller in its cache now.
    expect((await caller.get("/api/clusters")).status()).toBe(200);
    const tokens = (await (await second!.api.get("/api/tokens?all=true")).json()) as { items: Array<{ id: string; name: string }> };
    const token = tokens.items.find((item) => item.name === "revoked across instances")!;
    expect((await second!.api.delete(`/api/tokens/${token.id}`)).status()).toBe(200);
    const revoked = Date.now();
    await expect.poll(async () => (await caller.get("/api/clusters")).status(), { timeout: 1_000, intervals: [50] }).toBe(401);
    console.log(`the revoked token was refused by the other instance after ${Date.now() - revoked} ms`);
  } finally {
    await caller.dispose();
  }
});

async function signInAttempt(baseURL: string, email: string, password: string): Promise<number> {
  const context = await request.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true", callbackUrl: "/" },
      maxRedirects: 0,
    });
    return response.status();
  } finally {
    await context.dispose();
  }
}

test("the sign-in lockout counts wrong passwords sent to either instance", async () => {
  const urls = cluster.instances.map((instance) => instance.server.url);
  const email = "lockout@cluster.e2e.test";
  cluster.consoleCommand("user", "create", "--email", email, "--password", "right-password-123", "--role", "viewer");
  // SIGNIN_MAX_FAILURES is 5: alternate instances, so neither saw five on its own.
  for (let attempt = 0; attempt < 5; attempt++) {
    expect(await signInAttempt(urls[attempt % 2]!, email, "wrong-password-123")).not.toBe(429);
  }
  for (const url of urls) expect(await signInAttempt(url, email, "right-password-123")).toBe(429);
});

test("request budgets count the calls made to both instances", async () => {
  test.setTimeout(240_000);
  const tight = await startConsoleCluster({ port: BASE_PORT + 10, env: { RATE_LIMIT_READS_PER_MINUTE: String(READS_PER_MINUTE) } });
  try {
    const statuses: number[] = [];
    for (let call = 0; call < READS_PER_MINUTE + 2; call++) {
      statuses.push((await tight.instances[call % 2]!.api.get("/api/clusters")).status());
    }
    // One budget across both: the calls past it are refused, whichever instance gets them.
    expect(statuses.slice(0, READS_PER_MINUTE).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(READS_PER_MINUTE)).toEqual([429, 429]);
  } finally {
    await tight.stop();
  }
});
