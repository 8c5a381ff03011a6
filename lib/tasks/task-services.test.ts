// The task services' rules on a real database: submission checks (routing against the blueprint,
// sizes, parents, a deleting cluster, all or nothing), Idempotency-Key, waking a hibernated cluster,
// listing, the long poll, cancel, retry and retention.
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { db } from "@/lib/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { submitTasksRequestSchema, type SubmitTasksRequest, type TaskView } from "./api-schema";
import { cancelTask } from "./cancel-task";
import { getTask } from "./get-task";
import { TASK_COUNT_CAP } from "./api-schema";
import { listTasks } from "./list-tasks";
import { pruneTasks } from "./prune-tasks";
import { retryTask } from "./retry-task";
import { createTaskQueue } from "./task-queue-for-process";
import { submitTasks, TASKS_ACTOR } from "./submit-tasks";
import { taskSignals } from "./task-signals";

const runtime = new LocalAgentRuntime();
const queue = createTaskQueue(db);
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

const newCluster = (name: string, target = 5) =>
  createCluster({ blueprint_id: "marketing-v1", name, target_workers: target }, { runtime, audit });
/** The body as the route would parse it (defaults filled in). */
const body = (raw: unknown): SubmitTasksRequest => submitTasksRequestSchema.parse(raw);
const submit = (clusterId: string, raw: unknown, options: { idempotencyKey?: string; now?: number } = {}) =>
  submitTasks(clusterId, body(raw), { audit, runtime, ...options });
const items = (answer: Awaited<ReturnType<typeof submitTasks>>): TaskView[] => ("items" in answer ? answer.items : [answer]);

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("submitTasks", () => {
  it("queues one task with the defaults and answers it with its (empty) attempts", async () => {
    const cluster = await newCluster("Single");
    const task = await submit(cluster.id, { input: "Write a tagline" });
    expect(task).toMatchObject({
      cluster_id: cluster.id,
      input: "Write a tagline",
      definition: null,
      capability: null,
      priority: 5,
      timeout_s: 300,
      max_attempts: 3,
      attempt_count: 0,
      status: "queued",
      agent_id: null,
      created_by: audit.actorEmail,
      attempts: [],
    });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "task.submit", targetId: cluster.id } });
    expect(entry.summary).toBe(`submitted task ${items(task)[0]!.id}`);
  });

  it("refuses a batch with bad tasks whole, naming each field and the names that exist", async () => {
    const cluster = await newCluster("Refused batch");
    const error = await refusal(
      submit(cluster.id, {
        tasks: [
          { input: "fine", definition: "copywriter" },
          { input: "x", definition: "poet" },
          { input: "y", capability: "juggling" },
          { input: "z".repeat(256 * 1024 + 1) },
          { input: 1, metadata: { note: "n".repeat(16 * 1024) } },
          { input: 2, parent_task_id: "no-such-task" },
          { input: 3, definition: "copywriter", capability: "publishing" },
        ],
      }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toBe("6 of 7 tasks cannot be submitted; nothing was stored");
    expect((error as InvalidInputError).fieldErrors).toEqual([
      {
        path: "tasks[1].definition",
        message:
          'no agent definition "poet" in the cluster\'s blueprint; it defines: marketing-director, content-lead, seo-specialist, copywriter, social-poster',
      },
      {
        path: "tasks[2].capability",
        message:
          'no agent of the cluster\'s blueprint lists "juggling"; the capabilities are: analytics, community, delegation, editing, keyword-research, planning, publishing, reporting, review, scheduling, writing',
      },
      { path: "tasks[3].input", message: "is 257 KiB; at most 256 KiB is allowed" },
      { path: "tasks[4].metadata", message: "is 17 KiB; at most 16 KiB is allowed" },
      { path: "tasks[6].capability", message: '"copywriter" does not list "publishing"; it lists: writing' },
      { path: "tasks[5].parent_task_id", message: 'no task "no-such-task" in this cluster' },
    ]);
    expect(await db.task.count({ where: { clusterId: cluster.id } })).toBe(0);
  });

  it("keeps parents within the cluster and takes a batch of 1,000", async () => {
    const cluster = await newCluster("Thousand");
    const other = await newCluster("Elsewhere");
    const parent = items(await submit(other.id, { input: "parent" }))[0]!;
    const refused = await refusal(submit(cluster.id, { input: "child", parent_task_id: parent.id }));
    expect((refused as InvalidInputError).fieldErrors).toEqual([
      { path: "parent_task_id", message: `no task "${parent.id}" in this cluster` },
    ]);
    const batch = items(await submit(cluster.id, { tasks: Array.from({ length: 1000 }, (_, index) => ({ input: { index } })) }));
    expect(batch.map((task) => (task.input as { index: number }).index)).toEqual(Array.from({ length: 1000 }, (_, index) => index));
    const child = items(await submit(cluster.id, { input: "child", parent_task_id: batch[0]!.id }))[0]!;
    expect(child.parent_task_id).toBe(batch[0]!.id);
  });

  it("refuses a cluster being deleted, and an unknown cluster", async () => {
    const cluster = await newCluster("Leaving");
    await db.cluster.update({ where: { id: cluster.id }, data: { status: "deleting" } });
    expect(await refusal(submit(cluster.id, { input: "late" }))).toBeInstanceOf(ConflictError);
    expect(await refusal(submit("no-such-cluster", { input: "lost" }))).toBeInstanceOf(NotFoundError);
  });

  it("answers a repeated Idempotency-Key with the same tasks, and refuses it for another body", async () => {
    const cluster = await newCluster("Idempotent");
    const first = await submit(cluster.id, { tasks: [{ input: "a" }, { input: "b", priority: 5 }] }, { idempotencyKey: "key-1" });
    // The same request, its defaults written out and its keys in another order.
    const again = await submit(cluster.id, { tasks: [{ priority: 5, input: "a" }, { input: "b" }] }, { idempotencyKey: "key-1" });
    expect(items(again).map((task) => task.id)).toEqual(items(first).map((task) => task.id));
    expect(await db.task.count({ where: { clusterId: cluster.id } })).toBe(2);
    expect(await refusal(submit(cluster.id, { tasks: [{ input: "c" }] }, { idempotencyKey: "key-1" }))).toBeInstanceOf(ConflictError);
    // Another cluster has keys of its own; a day later the key is free again.
    expect(items(await submit((await newCluster("Other keys")).id, { input: "a" }, { idempotencyKey: "key-1" }))).toHaveLength(1);
    const later = await submit(cluster.id, { tasks: [{ input: "c" }] }, { idempotencyKey: "key-1", now: Date.now() + DAY_MS + 1 });
    expect(items(later)[0]!.input).toBe("c");
    const single = await submit(cluster.id, { input: "one" }, { idempotencyKey: "key-2" });
    expect(await submit(cluster.id, { input: "one" }, { idempotencyKey: "key-2" })).toEqual(single);
  });

  it("wakes a hibernated cluster at once, as the tasks actor", async () => {
    const cluster = await newCluster("Sleeper");
    await hibernateCluster(cluster.id, { runtime, audit });
    const claimable: string[] = [];
    const onClaimable = (clusterId: string) => claimable.push(clusterId);
    taskSignals().on("claimable", onClaimable);
    try {
      await submit(cluster.id, { input: "wake up" });
    } finally {
      taskSignals().off("claimable", onClaimable);
    }
    expect(claimable).toContain(cluster.id);
    const woken = await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(woken).toMatchObject({ status: "active", currentWorkers: 2 });
    expect(await db.auditEntry.count({ where: { actorEmail: TASKS_ACTOR, targetId: cluster.id } })).toBe(1);
  });
});

describe("listTasks", () => {
  it("lists newest first with filters and pages", async () => {
    const cluster = await newCluster("Listed");
    const now = Date.now();
    const older = items(
      await submit(cluster.id, { tasks: [{ input: 1 }, { input: 2, definition: "seo-specialist" }] }, { now: now - 60_000 }),
    );
    const newer = items(await submit(cluster.id, { tasks: [{ input: 3, capability: "publishing" }] }, { now }));
    const page = (query: Partial<Parameters<typeof listTasks>[1]>) => listTasks(cluster.id, { page: 1, page_size: 20, ...query });
    expect((await page({})).items.map((task) => task.input)).toEqual([3, 2, 1]);
    expect(await page({ page_size: 1, page: 2 })).toMatchObject({ total: 3, page: 2, page_size: 1, items: [{ input: 2 }] });
    // Each filter narrows the page and its count alike.
    expect(await page({ definition: "seo-specialist" })).toMatchObject({ total: 1, items: [{ id: older[1]!.id }] });
    expect(await page({ capability: "publishing" })).toMatchObject({ total: 1, items: [{ id: newer[0]!.id }] });
    expect((await page({ since: new Date(now - 1000).toISOString() })).total).toBe(1);
    await cancelTask(older[0]!.id, { audit });
    expect(await page({ status: "cancelled" })).toMatchObject({ total: 1, items: [{ id: older[0]!.id }] });
    const [claimed] = await queue.claim(
      [{ agentId: "agent-listed", clusterId: cluster.id, definition: "social-poster", role: "worker", capabilities: ["publishing"] }],
      Date.now(),
    );
    expect(await page({ agent_id: "agent-listed" })).toMatchObject({ total: 1, items: [{ id: claimed!.taskId }] });
    expect(await page({ agent_id: "agent-listed", status: "queued" })).toMatchObject({ total: 0, items: [] });
    expect(await refusal(listTasks("no-such-cluster", { page: 1, page_size: 20 }))).toBeInstanceOf(NotFoundError);
  });

  it("stops counting past the cap and says so", async () => {
    const cluster = await newCluster("Counted");
    const batch = { tasks: Array.from({ length: 1000 }, (_, index) => ({ input: index })) };
    for (let sent = 0; sent < TASK_COUNT_CAP; sent += 1000) await submit(cluster.id, batch);
    expect(await listTasks(cluster.id, { page: 1, page_size: 1 })).toMatchObject({ total: TASK_COUNT_CAP, total_capped: false });
    await submit(cluster.id, { input: "one more" });
    expect(await listTasks(cluster.id, { page: 1, page_size: 1 })).toMatchObject({
      total: TASK_COUNT_CAP,
      total_capped: true,
      items: [{ input: "one more" }],
    });
    expect(await listTasks(cluster.id, { page: 1, page_size: 1, status: "running" })).toMatchObject({ total: 0, total_capped: false });
  });
});

describe("getTask", () => {
  it("answers at once without wait_s, and a long poll when the task finishes", async () => {
    const cluster = await newCluster("Waited");
    const task = items(await submit(cluster.id, { input: "wait for me" }))[0]!;
    expect((await getTask(task.id)).status).toBe("queued");
    const started = Date.now();
    const waiting = getTask(task.id, { waitS: 10 });
    setTimeout(() => void cancelTask(task.id, { audit }), 150);
    const answer = await waiting;
    expect(answer.status).toBe("cancelled");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await refusal(getTask("no-such-task"))).toBeInstanceOf(NotFoundError);
  });

  it("holds a long poll until the time is up, and lets a caller that left go at once", async () => {
    const cluster = await newCluster("Timed out");
    const task = items(await submit(cluster.id, { input: "never done" }))[0]!;
    let started = Date.now();
    expect((await getTask(task.id, { waitS: 1 })).status).toBe("queued");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const gone = new AbortController();
    started = Date.now();
    setTimeout(() => gone.abort(), 100);
    await getTask(task.id, { waitS: 10, signal: gone.signal });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("notices a task finished by another process through its backstop read", async () => {
    const cluster = await newCluster("Elsewhere finished");
    const task = items(await submit(cluster.id, { input: "done by a script" }))[0]!;
    const started = Date.now();
    const waiting = getTask(task.id, { waitS: 10 });
    // A write without the in-process signal, as another server or a script would make it.
    const finishing = new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
      db.task.update({ where: { id: task.id }, data: { status: "succeeded", finishedAt: Date.now() } }),
    );
    expect((await waiting).status).toBe("succeeded");
    expect(Date.now() - started).toBeLessThan(2000);
    await finishing;
  });
});

describe("cancelTask and retryTask", () => {
  it("cancels a running task, ending its attempt and telling its agent, and refuses a final one", async () => {
    const cluster = await newCluster("Cancelled");
    const task = items(await submit(cluster.id, { input: "stop me" }))[0]!;
    const [claimed] = await queue.claim(
      [{ agentId: "agent-running", clusterId: cluster.id, definition: "copywriter", role: "worker", capabilities: ["writing"] }],
      Date.now(),
    );
    expect(claimed!.taskId).toBe(task.id);
    const cancels: string[] = [];
    const onCancel = (taskId: string) => cancels.push(taskId);
    taskSignals().on("cancel", onCancel);
    try {
      const cancelled = await cancelTask(task.id, { audit });
      expect(cancelled).toMatchObject({ status: "cancelled", agent_id: "agent-running", attempts: [{ number: 1, outcome: "cancelled" }] });
      expect(cancelled.finished_at).not.toBeNull();
    } finally {
      taskSignals().off("cancel", onCancel);
    }
    expect(cancels).toEqual([task.id]);
    expect(
      await queue.complete({ taskId: task.id, agentId: "agent-running", attempt: 1 }, { outcome: "succeeded", result: 1 }, Date.now()),
    ).toEqual({
      accepted: false,
      reason: "the task is cancelled",
    });
    expect(await refusal(cancelTask(task.id, { audit }))).toBeInstanceOf(ConflictError);
    expect(await db.auditEntry.count({ where: { action: "task.cancel", targetId: task.id } })).toBe(1);
  });

  it("queues a dead or cancelled task again with a fresh count, and refuses any other", async () => {
    const cluster = await newCluster("Retried");
    const task = items(await submit(cluster.id, { input: "again", max_attempts: 1 }))[0]!;
    expect(await refusal(retryTask(task.id, { audit }))).toBeInstanceOf(ConflictError);
    const slot = { agentId: "agent-retry", clusterId: cluster.id, definition: "copywriter", role: "worker", capabilities: ["writing"] };
    await queue.claim([slot], Date.now());
    await queue.complete(
      { taskId: task.id, agentId: slot.agentId, attempt: 1 },
      { outcome: "failed", error: { type: "x", message: "no" } },
      Date.now(),
    );
    expect((await getTask(task.id)).status).toBe("dead");
    const retried = await retryTask(task.id, { audit });
    expect(retried).toMatchObject({ status: "queued", attempt_count: 0, agent_id: null, error: null, finished_at: null });
    expect(retried.attempts.map((attempt) => attempt.outcome)).toEqual(["failed"]);
    const [again] = await queue.claim([slot], Date.now());
    expect(again).toMatchObject({ taskId: task.id, attempt: 2 });
    expect(await refusal(retryTask("no-such-task", { audit }))).toBeInstanceOf(NotFoundError);
  });
});

describe("pruneTasks", () => {
  it("deletes tasks finished before the retention, their attempts with them, and day-old keys", async () => {
    const cluster = await newCluster("Pruned");
    const now = Date.now();
    const [old, recent, open] = items(await submit(cluster.id, { tasks: [{ input: "old" }, { input: "recent" }, { input: "open" }] }));
    const slot = { agentId: "agent-prune", clusterId: cluster.id, definition: "copywriter", role: "worker", capabilities: ["writing"] };
    expect(await queue.claim([slot], now - 8 * DAY_MS)).toMatchObject([{ taskId: old!.id }]);
    await submit(cluster.id, { input: "keyed" }, { idempotencyKey: "old-key", now: now - DAY_MS - 1 });
    await queue.complete({ taskId: old!.id, agentId: slot.agentId, attempt: 1 }, { outcome: "succeeded", result: 1 }, now - 8 * DAY_MS);
    await cancelTask(recent!.id, { audit, now: now - 6 * DAY_MS });
    const before = await db.task.count();
    expect(await pruneTasks(now, 7)).toMatchObject({ tasks: 1 });
    expect(await db.task.count()).toBe(before - 1);
    expect(await db.task.findUnique({ where: { id: old!.id } })).toBeNull();
    expect(await db.taskAttempt.count({ where: { taskId: old!.id } })).toBe(0);
    expect((await getTask(recent!.id)).status).toBe("cancelled");
    expect((await getTask(open!.id)).status).toBe("queued");
    expect(await db.taskSubmission.count({ where: { clusterId: cluster.id, key: "old-key" } })).toBe(0);
  });
});
