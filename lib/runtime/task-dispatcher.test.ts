// The local driver running tasks for real: the test leg's database and its queue, the cluster services
// and the built-in simulate executor. Executor calls are counted by wrapping the real factory.
import { afterEach, describe, expect, it } from "vitest";
import { createBlueprint } from "@/lib/blueprint/create-blueprint";
import { createCluster } from "@/lib/cluster/create-cluster";
import { toRuntimeAgent } from "@/lib/cluster/start-agents";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { refreshHealthScores } from "@/lib/cluster/refresh-health-scores";
import { scaleCluster } from "@/lib/cluster/scale-cluster";
import { db } from "@/lib/db";
import { createExecutor } from "@/lib/executors/create-executor";
import type { Executor } from "@/lib/executors/executor";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { getTask } from "@/lib/tasks/get-task";
import { createTaskQueue } from "@/lib/tasks/task-queue-for-process";
import { submitTasksRequestSchema } from "@/lib/tasks/api-schema";
import { submitTasks as submitParsed } from "@/lib/tasks/submit-tasks";
import { audit } from "@/lib/test/test-audit";
import { loadClusterWork } from "./cluster-work";
import { LocalAgentRuntime } from "./local-runtime";
import { TaskDispatcher } from "./task-dispatcher";

/** Submits as the API would: the request parsed with its schema (defaults applied) first. */
const submitTasks = (clusterId: string, request: unknown, options: Parameters<typeof submitParsed>[2]) =>
  submitParsed(clusterId, submitTasksRequestSchema.parse(request), options);

const running: TaskDispatcher[] = [];
afterEach(async () => {
  for (const dispatcher of running.splice(0)) await dispatcher.stop();
});

/** In-flight executor calls per agent, and the most any agent had at once. */
function countingExecutors() {
  const inFlight = new Map<string, number>();
  const seen = { calls: 0, mostAtOnce: 0, agents: new Set<string>() };
  const factory = (config: Parameters<typeof createExecutor>[0]): Executor => {
    const real = createExecutor(config);
    return {
      async execute(request) {
        const now = (inFlight.get(request.agent.agentId) ?? 0) + 1;
        inFlight.set(request.agent.agentId, now);
        seen.calls++;
        seen.mostAtOnce = Math.max(seen.mostAtOnce, now);
        seen.agents.add(request.agent.name);
        try {
          return await real.execute(request);
        } finally {
          inFlight.set(request.agent.agentId, inFlight.get(request.agent.agentId)! - 1);
        }
      },
    };
  };
  return { factory, seen };
}

let blueprintCount = 0;
async function clusterWith(options: {
  workers: string;
  concurrency?: number;
  target?: number;
  drainMs?: number;
  executor?: string;
  /** false: the agents exist but nothing runs their tasks (a console that crashed). */
  dispatch?: boolean;
}) {
  const id = `dispatch-${++blueprintCount}`;
  const yaml = `metadata: { id: ${id}, name: Dispatch ${blueprintCount}, version: 1.0.0 }
cluster:
  type: team
  min_workers: ${options.workers.split("-")[0]}
  max_workers: ${options.workers.split("-")[1]}
${options.executor === "none" ? "" : `  config:\n    executor: ${options.executor ?? "{ type: simulate }"}\n`}agents:
  - { name: lead, role: supervisor, capabilities: [plan] }
  - { name: reviewer, role: specialist, reports_to: lead, capabilities: [review] }
  - { name: doer, role: worker, reports_to: lead, count: ${options.workers}, concurrency: ${options.concurrency ?? 1}, capabilities: [write] }
`;
  await createBlueprint({ id, name: `Dispatch ${blueprintCount}`, version: "1.0.0", blueprint_yaml: yaml }, { audit });
  const { factory, seen } = countingExecutors();
  const queue = createTaskQueue(db);
  const dispatcher = new TaskDispatcher({ queue, createExecutor: factory, loadWork: loadClusterWork, drainMs: options.drainMs ?? 30_000 });
  if (options.dispatch !== false) {
    dispatcher.start();
    running.push(dispatcher);
  }
  const runtime = new LocalAgentRuntime(options.dispatch === false ? {} : { dispatcher });
  const cluster = await createCluster({ blueprint_id: id, name: id, target_workers: options.target }, { runtime, audit });
  return { cluster, runtime, dispatcher, seen };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const statusCounts = async (clusterId: string) =>
  Object.fromEntries(
    (await db.task.groupBy({ by: ["status"], where: { clusterId }, _count: { _all: true } })).map((group) => [
      group.status,
      group._count._all,
    ]),
  );

describe("TaskDispatcher with the local runtime", () => {
  it("runs every task to success, each agent at most `concurrency` at once, workers only", async () => {
    const { cluster, runtime, seen } = await clusterWith({ workers: "3-3", concurrency: 2 });
    await submitTasks(
      cluster.id,
      { tasks: Array.from({ length: 60 }, (_, index) => ({ input: { duration_ms: 5, n: index } })) },
      { audit, runtime },
    );
    await waitFor(async () => (await statusCounts(cluster.id)).succeeded === 60, "60 tasks succeeded");
    expect(seen.calls).toBe(60);
    expect(seen.mostAtOnce).toBe(2);
    expect([...seen.agents].every((name) => name.startsWith("doer-"))).toBe(true);
    const done = await db.task.findFirstOrThrow({ where: { clusterId: cluster.id }, include: { attempts: true } });
    expect(JSON.parse(done.resultJson!)).toEqual(JSON.parse(done.inputJson));
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({ outcome: "succeeded", agentId: done.agentId });
  });

  it("routes a task naming a definition or a capability to the agents that have it", async () => {
    const { cluster, runtime, seen } = await clusterWith({ workers: "2-2" });
    const byDefinition = await submitTasks(cluster.id, { input: "plan it", definition: "lead" }, { audit, runtime });
    const byCapability = await submitTasks(cluster.id, { input: "review it", capability: "review" }, { audit, runtime });
    for (const submitted of [byDefinition, byCapability]) {
      const id = "id" in submitted ? submitted.id : "";
      expect((await getTask(id, { waitS: 5 })).status).toBe("succeeded");
    }
    const agents = await db.agent.findMany({ where: { clusterId: cluster.id } });
    const nameOf = (agentId: string | null) => agents.find((agent) => agent.id === agentId)?.name;
    const tasks = await db.task.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "asc" } });
    expect(tasks.map((task) => nameOf(task.agentId))).toEqual(["lead", "reviewer"]);
    expect(seen.calls).toBe(2);
  });

  it("drains a worker being scaled away: its running task goes back to the queue and runs elsewhere", async () => {
    const { cluster, runtime } = await clusterWith({ workers: "1-2", target: 2, drainMs: 200 });
    const submitted = await submitTasks(
      cluster.id,
      { tasks: [{ input: { duration_ms: 60_000 } }, { input: { duration_ms: 60_000 } }] },
      { audit, runtime },
    );
    const ids = "items" in submitted ? submitted.items.map((task) => task.id) : [];
    await waitFor(async () => (await db.task.count({ where: { id: { in: ids }, status: "running" } })) === 2, "both workers are busy");
    await scaleCluster(cluster.id, 1, { runtime, audit });
    const stopped = await db.agent.findFirstOrThrow({ where: { clusterId: cluster.id, role: "worker", status: "inactive" } });
    const drained = await db.task.findFirstOrThrow({ where: { id: { in: ids }, agentId: stopped.id } });
    // The drain time passes: the stopped worker's task is back in the queue; the other worker is still busy.
    await waitFor(
      async () => (await db.task.findUniqueOrThrow({ where: { id: drained.id } })).status === "queued",
      "the task is back in the queue",
    );
    const kept = ids.find((id) => id !== drained.id)!;
    await cancelTask(kept, { audit });
    await waitFor(
      async () => (await db.task.findUniqueOrThrow({ where: { id: drained.id } })).status === "running",
      "the task runs on the remaining worker",
    );
    const task = await db.task.findUniqueOrThrow({ where: { id: drained.id }, include: { attempts: { orderBy: { number: "asc" } } } });
    expect(task.agentId).not.toBe(stopped.id);
    expect(task.attempts.map((attempt) => attempt.outcome)).toEqual(["lost", "running"]);
    expect(JSON.parse(task.attempts[0]!.errorJson!)).toMatchObject({ type: "agent-stopped" });
    // The console stopped it, not the work: the lost attempt does not count against max_attempts.
    expect(task.attemptCount).toBe(1);
    await cancelTask(drained.id, { audit });
  });

  it("hibernation drains every agent, and a task submitted to the hibernated cluster wakes it and runs", async () => {
    const { cluster, runtime } = await clusterWith({ workers: "1-2", drainMs: 200 });
    const long = await submitTasks(cluster.id, { input: { duration_ms: 60_000 } }, { audit, runtime });
    const longId = "id" in long ? long.id : "";
    await waitFor(async () => (await db.task.findUniqueOrThrow({ where: { id: longId } })).status === "running", "the long task runs");
    await hibernateCluster(cluster.id, { runtime, audit });
    await waitFor(
      async () => (await db.task.findUniqueOrThrow({ where: { id: longId } })).status === "queued",
      "the long task is back in the queue",
    );
    await cancelTask(longId, { audit });

    const started = Date.now();
    const wake = await submitTasks(cluster.id, { input: "good morning" }, { audit, runtime });
    const done = await getTask("id" in wake ? wake.id : "", { waitS: 10 });
    expect(done.status).toBe("succeeded");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).status).toBe("active");
  });

  it("cancelling a running task aborts its executor and keeps the task cancelled", async () => {
    const { cluster, runtime, dispatcher } = await clusterWith({ workers: "1-1" });
    const submitted = await submitTasks(cluster.id, { input: { duration_ms: 60_000 } }, { audit, runtime });
    const taskId = "id" in submitted ? submitted.id : "";
    await waitFor(async () => dispatcher.runningTaskCount === 1, "the task runs");
    await cancelTask(taskId, { audit });
    await waitFor(async () => dispatcher.runningTaskCount === 0, "the executor is aborted");
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { attempts: true } });
    expect(task.status).toBe("cancelled");
    expect(task.attempts.map((attempt) => attempt.outcome)).toEqual(["cancelled"]);
  });

  it("keeps the executor's id on the attempt as soon as it is named, and on a cancelled attempt", async () => {
    const { cluster, runtime } = await clusterWith({ workers: "1-1", dispatch: false });
    const dispatcher = new TaskDispatcher({
      queue: createTaskQueue(db),
      loadWork: loadClusterWork,
      // A far side that names its work at once, then works until it is aborted.
      createExecutor: () => ({
        execute: (request) => {
          request.onExecutorRef?.(`remote-${request.taskId}`);
          return new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true }));
        },
      }),
    });
    dispatcher.start();
    running.push(dispatcher);
    const worker = await db.agent.findFirstOrThrow({ where: { clusterId: cluster.id, role: "worker" } });
    await new LocalAgentRuntime({ dispatcher }).start(toRuntimeAgent(worker));
    const submitted = await submitTasks(cluster.id, { input: "long work" }, { audit, runtime });
    const taskId = "id" in submitted ? submitted.id : "";
    const attempt = () => db.taskAttempt.findFirst({ where: { taskId } });
    await waitFor(async () => (await attempt())?.executorRef === `remote-${taskId}`, "the remote id is on the running attempt");
    expect(await attempt()).toMatchObject({ outcome: "running" });
    await cancelTask(taskId, { audit });
    await waitFor(async () => dispatcher.runningTaskCount === 0, "the executor is aborted");
    expect(await attempt()).toMatchObject({ outcome: "cancelled", executorRef: `remote-${taskId}` });
  });

  it("a failing executor retries with backoff, ends dead, and lowers the cluster's health score", async () => {
    const { cluster, runtime } = await clusterWith({ workers: "1-1" });
    const submitted = await submitTasks(cluster.id, { input: { fail_rate: 1 }, max_attempts: 2 }, { audit, runtime });
    const taskId = "id" in submitted ? submitted.id : "";
    // Backoff after the first failure is 2 s; the backstop pass picks the task up again after it.
    await waitFor(async () => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).status === "dead", "the task is dead", 8_000);
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { attempts: { orderBy: { number: "asc" } } } });
    expect(task.attempts.map((attempt) => attempt.outcome)).toEqual(["failed", "failed"]);
    expect(task.attempts[1]!.startedAt - task.attempts[0]!.endedAt!).toBeGreaterThanOrEqual(1_900);
    expect(JSON.parse(task.errorJson!)).toMatchObject({ type: "simulated" });
    await refreshHealthScores([cluster.id]);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).healthScore).toBe(0);
  });

  it("a definition without an executor fails its tasks with a configuration error, not the console", async () => {
    const { cluster, runtime } = await clusterWith({ workers: "1-1", executor: "none" });
    const submitted = await submitTasks(cluster.id, { input: "anything", max_attempts: 1 }, { audit, runtime });
    const task = await getTask("id" in submitted ? submitted.id : "", { waitS: 5 });
    expect(task.status).toBe("dead");
    expect(task.error).toMatchObject({ type: "configuration" });
  });

  it("a restarted console finds the task its crashed process was running and runs it again", async () => {
    const { cluster, runtime } = await clusterWith({ workers: "1-1", dispatch: false });
    const submitted = await submitTasks(cluster.id, { input: { duration_ms: 60_000 } }, { audit, runtime });
    const taskId = "id" in submitted ? submitted.id : "";
    const agent = await db.agent.findFirstOrThrow({ where: { clusterId: cluster.id, role: "worker" } });
    const queue = createTaskQueue(db);
    // What a crash leaves behind: the task claimed by the dead process's agent, its lease no longer renewed.
    const slot = { agentId: agent.id, clusterId: cluster.id, definition: agent.definition, role: agent.role, capabilities: ["write"] };
    expect(await queue.claim([slot], Date.now())).toHaveLength(1);

    const later = { offset: 0 };
    const restarted = new TaskDispatcher({ queue, createExecutor, loadWork: loadClusterWork, now: () => Date.now() + later.offset });
    restarted.start();
    running.push(restarted);
    await new LocalAgentRuntime({ dispatcher: restarted }).start(toRuntimeAgent(agent));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(restarted.runningTaskCount).toBe(0);
    later.offset = 11_000; // past the 10 s lease the dead process no longer renews
    await waitFor(async () => restarted.runningTaskCount === 1, "the task runs again");
    const attempts = await db.taskAttempt.findMany({ where: { taskId }, orderBy: { number: "asc" } });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(["lost", "running"]);
    expect(JSON.parse(attempts[0]!.errorJson!)).toMatchObject({ type: "lease-expired" });
    await cancelTask(taskId, { audit });
  });
});
