// Tasks across two real production instances on one fresh PostgreSQL database (the PostgreSQL leg
// only). A cluster's agents run in the instance that created it, so everything here crosses over:
// tasks submitted through either instance run exactly once and start at once (the other instance's
// notice wakes the dispatcher, not its 1 s backstop pass), a long poll on the second instance answers
// with the first one's result, and a cancel through the second aborts the first one's executor, so
// the slot it frees takes the next task at once (not at the 3 s lease renewal).
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type ConsoleCluster, startConsoleCluster } from "../support/console-cluster";

const CLUSTER_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
/** What a busy two-core machine adds to any deadline here. */
const SLACK_MS = 1_000;

interface Task {
  id: string;
  status: string;
  result: unknown;
  created_at: string;
  finished_at: string | null;
  attempts: Array<{ number: number; outcome: string; agent_id: string; started_at: string }>;
}

let cluster: ConsoleCluster;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startConsoleCluster({ port: CLUSTER_PORT, env: { AUTOSCALER_ENABLED: "false" } });
});

test.afterAll(async () => {
  await cluster?.stop();
});

/** A marketing cluster created through `api`: its workers run in that instance. */
async function createCluster(api: APIRequestContext, name: string, targetWorkers: number): Promise<string> {
  const response = await api.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name, target_workers: targetWorkers } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function submit(api: APIRequestContext, clusterId: string, inputs: unknown[]): Promise<string[]> {
  const response = await api.post(`/api/clusters/${clusterId}/tasks`, { data: { tasks: inputs.map((input) => ({ input })) } });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
}

async function readTask(api: APIRequestContext, taskId: string, waitS = 0): Promise<Task> {
  const response = await api.get(`/api/tasks/${taskId}${waitS > 0 ? `?wait_s=${waitS}` : ""}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Task;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test("tasks submitted through either instance run exactly once, and start at once on the other", async () => {
  test.setTimeout(120_000);
  const [first, second] = cluster.instances;
  const clusterId = await createCluster(first!.api, "Tasks crossing", 3);

  // One at a time through the instance without the agents: each is claimed as soon as it is stored.
  const startDelays: number[] = [];
  for (let sample = 0; sample < 9; sample++) {
    const [taskId] = await submit(second!.api, clusterId, [{ sample }]);
    const done = await readTask(second!.api, taskId!, 20);
    expect(done.status).toBe("succeeded");
    startDelays.push(Date.parse(done.attempts[0]!.started_at) - Date.parse(done.created_at));
  }
  test.info().annotations.push({ type: "start delays", description: `${startDelays.join(", ")} ms` });
  expect(median(startDelays), "started on the notice, not on the backstop pass a second").toBeLessThan(300);

  // A backlog through both instances at once.
  const submitted = (
    await Promise.all([
      submit(
        first!.api,
        clusterId,
        Array.from({ length: 100 }, (_, index) => ({ through: 1, index, duration_ms: 5 })),
      ),
      submit(
        second!.api,
        clusterId,
        Array.from({ length: 100 }, (_, index) => ({ through: 2, index, duration_ms: 5 })),
      ),
    ])
  ).flat();
  await expect
    .poll(
      async () =>
        Number(
          (
            await cluster.query<{ finished: string }>(
              `SELECT count(*) AS finished FROM tasks WHERE id = ANY($1) AND status IN ('succeeded', 'dead', 'cancelled')`,
              [submitted],
            )
          )[0]!.finished,
        ),
      { timeout: 60_000 },
    )
    .toBe(submitted.length);
  const attempts = await cluster.query<{ task_id: string; attempts: string; succeeded: string; status: string }>(
    `SELECT t.id AS task_id, t.status, count(a.id) AS attempts, count(a.id) FILTER (WHERE a.outcome = 'succeeded') AS succeeded
     FROM tasks t LEFT JOIN task_attempts a ON a.task_id = t.id WHERE t.id = ANY($1) GROUP BY t.id, t.status`,
    [submitted],
  );
  expect(attempts).toHaveLength(submitted.length);
  expect(attempts.filter((row) => row.status !== "succeeded" || row.attempts !== "1" || row.succeeded !== "1")).toEqual([]);
});

test("a long poll on one instance answers with the task the other instance's agent finished", async () => {
  const [first, second] = cluster.instances;
  const clusterId = await createCluster(first!.api, "Long poll crossing", 3);
  const taskIds = await submit(
    first!.api,
    clusterId,
    [1_000, 1_300, 1_600].map((duration_ms) => ({ duration_ms })),
  );
  const answers = await Promise.all(
    taskIds.map(async (taskId) => {
      const task = await readTask(second!.api, taskId, 30);
      return { task, lateMs: Date.now() - Date.parse(task.finished_at ?? "") };
    }),
  );
  for (const { task } of answers) expect(task).toMatchObject({ status: "succeeded", result: { duration_ms: expect.any(Number) } });
  test
    .info()
    .annotations.push({ type: "answered after the finish", description: `${answers.map((answer) => answer.lateMs).join(", ")} ms` });
  expect(Math.max(...answers.map((answer) => answer.lateMs))).toBeLessThan(SLACK_MS);
});

test("a cancel through one instance aborts the executor running on the other, freeing its slot at once", async () => {
  test.setTimeout(60_000);
  const [first, second] = cluster.instances;
  // Two workers, both busy with a long task; a third task waits for a free slot.
  const clusterId = await createCluster(first!.api, "Cancel crossing", 2);
  const long = await submit(first!.api, clusterId, [{ duration_ms: 60_000 }, { duration_ms: 60_000 }]);
  await expect
    .poll(async () => (await Promise.all(long.map((taskId) => readTask(first!.api, taskId)))).map((task) => task.status), {
      timeout: 10_000,
    })
    .toEqual(["running", "running"]);
  const [waiting] = await submit(first!.api, clusterId, [{ duration_ms: 1 }]);
  expect((await readTask(first!.api, waiting!)).status).toBe("queued");

  const cancelled = await second!.api.post(`/api/tasks/${long[0]}/cancel`);
  expect(cancelled.status()).toBe(200);
  const cancelledAt = Date.now();
  const next = await readTask(second!.api, waiting!, 20);
  expect(next.status).toBe("succeeded");
  const startedAfterMs = Date.parse(next.attempts[0]!.started_at) - cancelledAt;
  test.info().annotations.push({ type: "freed slot", description: `the waiting task started ${startedAfterMs} ms after the cancel` });
  expect(startedAfterMs, "the executor stopped on the notice, not at the next lease renewal").toBeLessThan(SLACK_MS);
  expect((await readTask(first!.api, long[0]!)).attempts).toMatchObject([{ number: 1, outcome: "cancelled" }]);

  expect((await first!.api.post(`/api/tasks/${long[1]}/cancel`)).status()).toBe(200);
});
