// The tasks API as a script uses it: submit one task or a batch, wait for a task with wait_s, list
// and filter, cancel and retry, Idempotency-Key, every kind of refusal naming its field, and the
// `event: task` of the event stream. The marketing example runs its tasks with the built-in
// simulate executor; with 2 workers it has no social poster, so a task for one waits queued.
import type { APIRequestContext } from "@playwright/test";
import { bearer } from "../support/principals";
import { expect, test } from "./fixtures";

interface Task {
  id: string;
  cluster_id: string;
  status: string;
  input: unknown;
  result: unknown;
  definition: string | null;
  attempts?: Array<{ number: number; outcome: string; agent_id: string }>;
}

async function marketingCluster(request: APIRequestContext, name: string): Promise<string> {
  const created = await request.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name, target_workers: 2 } });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

/** A task that waits: no social poster runs with 2 workers. */
const waitingTask = { input: "post it", definition: "social-poster" };

test.describe("[API][TASKS]", () => {
  test("a task submitted by a script runs on an agent and is read back, waited for, with its attempts", async ({ request }) => {
    const clusterId = await marketingCluster(request, "Tasks run");
    const submitted = await request.post(`/api/clusters/${clusterId}/tasks`, { data: { input: { topic: "spring" }, priority: 7 } });
    expect(submitted.status()).toBe(202);
    const task = (await submitted.json()) as Task;
    expect(task).toMatchObject({ cluster_id: clusterId, input: { topic: "spring" }, priority: 7, attempts: [] });

    const done = await request.get(`/api/tasks/${task.id}?wait_s=20`);
    expect(done.status()).toBe(200);
    const finished = (await done.json()) as Task;
    expect(finished).toMatchObject({ id: task.id, status: "succeeded", result: { topic: "spring" } });
    expect(finished.attempts).toMatchObject([{ number: 1, outcome: "succeeded", agent_id: expect.stringMatching(/^agent-/) }]);

    const listed = await (await request.get(`/api/clusters/${clusterId}/tasks?status=succeeded`)).json();
    expect(listed).toMatchObject({ total: 1, page: 1, items: [{ id: task.id, status: "succeeded" }] });
    expect(listed.items[0].attempts).toBeUndefined();
  });

  test("a batch is answered in order, listed newest first, filtered and paginated", async ({ request }) => {
    const clusterId = await marketingCluster(request, "Tasks listed");
    const batch = await request.post(`/api/clusters/${clusterId}/tasks`, {
      data: {
        tasks: [
          { ...waitingTask, input: "first" },
          { ...waitingTask, input: "second" },
          { input: "third", capability: "keyword-research" },
        ],
      },
    });
    expect(batch.status()).toBe(202);
    const { items } = (await batch.json()) as { items: Task[] };
    expect(items.map((task) => task.input)).toEqual(["first", "second", "third"]);

    const page = async (query: string) => (await request.get(`/api/clusters/${clusterId}/tasks?${query}`)).json();
    expect((await page("definition=social-poster")).items.map((task: Task) => task.input)).toEqual(["second", "first"]);
    expect(await page("definition=social-poster&page_size=1&page=2")).toMatchObject({
      total: 2,
      page: 2,
      page_size: 1,
      items: [{ input: "first" }],
    });
    expect((await page("capability=keyword-research")).items.map((task: Task) => task.id)).toEqual([items[2]!.id]);
    expect((await page(`since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).total).toBe(0);
    const refused = await request.get(`/api/clusters/${clusterId}/tasks?status=lost&page_size=500`);
    expect(refused.status()).toBe(400);
    expect((await refused.json()).errors.map((error: { path: string }) => error.path).sort()).toEqual(["page_size", "status"]);
  });

  test("bad tasks are refused with the field at fault, and a batch with one stores none of it", async ({ request }) => {
    const clusterId = await marketingCluster(request, "Tasks refused");
    const path = `/api/clusters/${clusterId}/tasks`;
    const refusal = async (data: unknown, headers: Record<string, string> = {}) => {
      const response = await request.post(path, { data, headers });
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      return { status: response.status(), body: await response.json() };
    };

    const unknown = await refusal({ input: "x", definition: "poet" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: "definition", message: expect.stringMatching(/"poet".*defines: marketing-director, .*copywriter/) },
    ]);

    const batch = await refusal({ tasks: [{ input: "fine" }, { input: "x", capability: "juggling" }, { input: "y", priority: 12 }] });
    expect(batch.status).toBe(400);
    expect(batch.body.errors.map((error: { path: string }) => error.path)).toEqual(["tasks[2].priority"]);
    const routing = await refusal({ tasks: [{ input: "fine" }, { input: "x", capability: "juggling" }] });
    expect(routing.body).toMatchObject({ status: 400, detail: "1 of 2 tasks cannot be submitted; nothing was stored" });
    expect(routing.body.errors).toEqual([{ path: "tasks[1].capability", message: expect.stringMatching(/capabilities are: analytics/) }]);

    expect((await refusal({ tasks: [{ input: "z".repeat(300 * 1024) }] })).body.errors).toEqual([
      { path: "tasks[0].input", message: "is 301 KiB; at most 256 KiB is allowed" },
    ]);
    expect(
      (await refusal({ input: "x", timeout_s: 0, max_attempts: 21 })).body.errors.map((error: { path: string }) => error.path),
    ).toEqual(["timeout_s", "max_attempts"]);
    expect((await refusal({ tasks: [] })).body.errors).toEqual([{ path: "tasks", message: "send at least one task" }]);
    expect((await refusal({ tasks: Array.from({ length: 1001 }, () => ({ input: 1 })) })).body.errors).toEqual([
      { path: "tasks", message: "send at most 1000 tasks a call" },
    ]);
    expect((await refusal({ priority: 3 })).body.errors).toEqual([{ path: "input", message: expect.stringMatching(/input is required/) }]);
    expect((await refusal({ input: "x", parent_task_id: "no-such-task" })).body.errors).toEqual([
      { path: "parent_task_id", message: 'no task "no-such-task" in this cluster' },
    ]);
    // A Buffer goes as it is; a string would be sent as a JSON string.
    const malformed = await request.post(path, { data: Buffer.from('{"input": '), headers: { "content-type": "application/json" } });
    expect(await malformed.json()).toMatchObject({ status: 400, type: "urn:cluster-console:problem:malformed-json" });
    expect((await refusal({ input: "x" }, { "idempotency-key": "k".repeat(201) })).body.errors).toEqual([
      { path: "idempotency-key", message: "Idempotency-Key must be at most 200 characters" },
    ]);
    expect((await request.post("/api/clusters/no-such-cluster/tasks", { data: { input: "x" } })).status()).toBe(404);

    expect((await (await request.get(`${path}`)).json()).total).toBe(0);
  });

  test("an Idempotency-Key gives the same tasks for the same body, and 409 for another", async ({ request }) => {
    const clusterId = await marketingCluster(request, "Tasks idempotent");
    const path = `/api/clusters/${clusterId}/tasks`;
    const headers = { "idempotency-key": "e2e-retry-1" };
    const body = { tasks: [waitingTask, { ...waitingTask, input: "again" }] };
    const first = await request.post(path, { data: body, headers });
    const second = await request.post(path, { data: body, headers });
    expect([first.status(), second.status()]).toEqual([202, 202]);
    const ids = async (response: typeof first) => ((await response.json()).items as Task[]).map((task) => task.id);
    expect(await ids(second)).toEqual(await ids(first));
    const other = await request.post(path, { data: { tasks: [waitingTask] }, headers });
    expect(other.status()).toBe(409);
    expect((await other.json()).detail).toMatch(/Idempotency-Key "e2e-retry-1" was used for another request/);
    expect((await (await request.get(path)).json()).total).toBe(2);
  });

  test("an operator cancels and retries; final tasks refuse a cancel, others a retry", async ({
    request,
    playwright,
    baseURL,
    principals,
  }) => {
    const clusterId = await marketingCluster(request, "Tasks cancelled");
    const task = (await (await request.post(`/api/clusters/${clusterId}/tasks`, { data: waitingTask })).json()) as Task;
    const viewer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: bearer(principals.tokens.viewer) });
    expect((await viewer.post(`/api/tasks/${task.id}/cancel`)).status()).toBe(403);
    await viewer.dispose();

    expect((await request.post(`/api/tasks/${task.id}/retry`)).status()).toBe(409);
    const cancelled = await request.post(`/api/tasks/${task.id}/cancel`);
    expect(cancelled.status()).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id: task.id, status: "cancelled", finished_at: expect.any(String) });
    const again = await request.post(`/api/tasks/${task.id}/cancel`);
    expect(again.status()).toBe(409);
    expect((await again.json()).detail).toBe("the task is already cancelled; only a queued, running or failed task can be cancelled");
    const retried = await request.post(`/api/tasks/${task.id}/retry`);
    expect(retried.status()).toBe(200);
    expect(await retried.json()).toMatchObject({ status: "queued", attempt_count: 0, finished_at: null });

    const audit = await (await request.get(`/api/audit?target=${task.id}`)).json();
    expect(audit.items.map((entry: { action: string }) => entry.action).sort()).toEqual(["task.cancel", "task.retry"]);
  });

  test("wait_s holds the answer until the time is up when the task stays queued", async ({ request }) => {
    const clusterId = await marketingCluster(request, "Tasks waited");
    const task = (await (await request.post(`/api/clusters/${clusterId}/tasks`, { data: waitingTask })).json()) as Task;
    const started = Date.now();
    const held = await request.get(`/api/tasks/${task.id}?wait_s=1`);
    expect(held.status()).toBe(200);
    expect((await held.json()).status).toBe("queued");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await request.get(`/api/tasks/${task.id}?wait_s=31`)).status()).toBe(400);
    expect((await request.get("/api/tasks/no-such-task")).status()).toBe(404);
  });

  test("the event stream of a cluster sends task events with the task's view", async ({ request, baseURL, principals }) => {
    const clusterId = await marketingCluster(request, "Tasks streamed");
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15_000);
    try {
      const stream = await fetch(`${baseURL}/api/events?cluster_id=${clusterId}`, {
        headers: bearer(principals.tokens.viewer),
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      // The stream says "ready" first; the task is submitted once it listens.
      while (!text.includes("event: ready")) text += decoder.decode((await reader.read()).value, { stream: true });
      const task = (await (await request.post(`/api/clusters/${clusterId}/tasks`, { data: waitingTask })).json()) as Task;
      const taskEvent = () =>
        text
          .split("\n\n")
          .filter((block) => block.includes("event: task"))
          .map(
            (block) =>
              JSON.parse(
                block
                  .split("\n")
                  .find((line) => line.startsWith("data: "))!
                  .slice(6),
              ) as Task,
          )
          .find((view) => view.id === task.id);
      while (!taskEvent()) text += decoder.decode((await reader.read()).value, { stream: true });
      expect(taskEvent()).toMatchObject({ id: task.id, cluster_id: clusterId, status: "queued", definition: "social-poster" });
      await reader.cancel();
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  });
});
