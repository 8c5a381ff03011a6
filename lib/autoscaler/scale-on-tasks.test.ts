// The autoscaler scaling on the metrics it computes from the tasks, on a real SQLite file: task
// and attempt rows are written directly, as the queue would leave them, and the tick is driven
// through simulated time. Also the rule between a computed value and a posted one.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { createBlueprint } from "@/lib/blueprint/create-blueprint";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { db } from "@/lib/db";
import { ingestMetrics } from "@/lib/metrics/ingest-metrics";
import { queryMetrics } from "@/lib/metrics/query-metrics";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { getAutoscalerView } from "./get-autoscaler-view";
import { runAutoscalerTick } from "./run-tick";

const runtime = new LocalAgentRuntime();
const SECOND = 1000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

const cluster = (id: string) => db.cluster.findUniqueOrThrow({ where: { id } });
const lastReason = async (id: string) => (await getAutoscalerView(id)).last_decision?.reason;

/** `count` tasks queued at `at`. */
async function enqueue(clusterId: string, count: number, at: number): Promise<void> {
  await db.task.createMany({
    data: Array.from({ length: count }, () => ({
      id: randomUUID(),
      clusterId,
      inputJson: '"a ticket"',
      timeoutS: 300,
      maxAttempts: 3,
      status: "queued",
      runAfter: at,
      createdAt: at,
      updatedAt: at,
    })),
  });
}

/** The oldest `count` queued tasks run on an agent from `startedAt` and, unless `endedAt` is null, succeed then. */
async function work(clusterId: string, count: number, startedAt: number, endedAt: number | null): Promise<void> {
  const tasks = await db.task.findMany({ where: { clusterId, status: "queued" }, orderBy: { createdAt: "asc" }, take: count });
  for (const task of tasks)
    await db.task.update({
      where: { id: task.id },
      data: {
        status: endedAt === null ? "running" : "succeeded",
        attemptCount: 1,
        agentId: "agent-1",
        startedAt,
        finishedAt: endedAt,
        updatedAt: endedAt ?? startedAt,
        attempts: {
          create: { clusterId, number: 1, agentId: "agent-1", startedAt, endedAt, outcome: endedAt === null ? "running" : "succeeded" },
        },
      },
    });
}

/** Ends the running tasks of the cluster at `at`, successfully. */
async function finishRunning(clusterId: string, at: number): Promise<void> {
  await db.taskAttempt.updateMany({ where: { clusterId, outcome: "running" }, data: { outcome: "succeeded", endedAt: at } });
  await db.task.updateMany({ where: { clusterId, status: "running" }, data: { status: "succeeded", finishedAt: at, updatedAt: at } });
}

// autoscaler-demo-v1: queue_depth at 5 per worker, workers 1..12, starts with 2, evaluated every
// 2 s, no scale-up window, a 20 s scale-down window, hibernates after 30 s idle.
const spawnDemo = (name: string) => createCluster({ blueprint_id: "autoscaler-demo-v1", name }, { runtime, audit });

describe("the autoscaler on the task metrics", () => {
  it("scales a backlog up at the first evaluation, never down while it drains, then back and to hibernation", async () => {
    const { id } = await spawnDemo("Backlog desk");
    const start = Date.now();
    await enqueue(id, 40, start - SECOND);

    await runAutoscalerTick(runtime, start);
    expect((await cluster(id)).currentWorkers).toBe(6);
    expect(await lastReason(id)).toBe(
      "queue_depth 40 over 2 workers, target 5 per worker -> 8, limited to 6 by the scale-up rate (double or +4 per evaluation)",
    );

    // Six tasks done every evaluation until the queue is empty at 14 s, then nothing for a while.
    const timeline: Array<{ at: number; queue: number; workers: number; status: string }> = [];
    let lastEnd = start;
    for (let at = start + 2 * SECOND; at <= start + 60 * SECOND; at += 2 * SECOND) {
      const queued = await db.task.count({ where: { clusterId: id, status: "queued" } });
      if (queued > 0) {
        await work(id, Math.min(6, queued), at - 1500, at - SECOND);
        lastEnd = at - SECOND;
      }
      await runAutoscalerTick(runtime, at);
      const now = await cluster(id);
      timeline.push({
        at: at - start,
        queue: await db.task.count({ where: { clusterId: id, status: "queued" } }),
        workers: now.currentWorkers,
        status: now.status,
      });
    }
    expect(lastEnd - start).toBe(13 * SECOND);
    const draining = timeline.filter((step) => step.at <= 14 * SECOND);
    const drained = timeline.filter((step) => step.at > 14 * SECOND && step.status === "active");
    // While the backlog shrinks the cluster only grows (the rest of the first recommendation, 8, minus the drain).
    expect(draining.map((step) => step.queue)).toEqual([34, 28, 22, 16, 10, 4, 0]);
    expect(draining.map((step) => step.workers)).toEqual([7, 7, 7, 7, 7, 7, 7]);
    // Drained: down only once the 20 s window has passed the higher recommendations, then step by step to min_workers.
    const workers = drained.map((step) => step.workers);
    expect(workers.every((count, index) => index === 0 || count <= workers[index - 1]!)).toBe(true);
    expect(drained.find((step) => step.workers < 7)!.at).toBe(24 * SECOND);
    expect(workers.at(-1)).toBe(1);
    // Idle from the last attempt's end (13 s) and hibernated at the first evaluation 30 s later.
    expect(timeline.find((step) => step.status === "hibernated")!.at).toBe(44 * SECOND);
    expect((await db.clusterEvent.findFirst({ where: { clusterId: id, kind: "hibernated" } }))?.reason).toBe(
      "queue_depth has been 0 for 31 s (hibernate_after_idle_s 30); hibernating",
    );

    // Tasks for the hibernated cluster wake it at the next evaluation, should the submission's own wake not have.
    await enqueue(id, 3, start + 61 * SECOND);
    await runAutoscalerTick(runtime, start + 62 * SECOND);
    expect(await cluster(id)).toMatchObject({ status: "active", currentWorkers: 1 });
    expect(await lastReason(id)).toBe("queue_depth rose to 3 while hibernated");
  });

  it("never counts a cluster idle while a task runs, and counts from the end of its last attempt", async () => {
    const { id } = await spawnDemo("Long task desk");
    const start = Date.now();
    await runAutoscalerTick(runtime, start);
    // Claimed as soon as it came: no evaluation ever sees it waiting.
    await enqueue(id, 1, start + SECOND);
    await work(id, 1, start + SECOND, null);

    // No task has waited and none finished for 40 s: queue_depth has been 0 all along, yet the cluster is busy.
    await runAutoscalerTick(runtime, start + 40 * SECOND);
    expect((await cluster(id)).status).toBe("active");
    // Work in hand without a verdict gives response_time_ms no new value: its newest is still the idle 0 of the first evaluation.
    const latest = await db.metricLatest.findMany({
      where: { clusterId: id, name: { in: ["queue_depth", "response_time_ms"] } },
      orderBy: { name: "asc" },
    });
    expect(latest.map((row) => [row.name, row.value, row.ts - start])).toEqual([
      ["queue_depth", 0, 40 * SECOND],
      ["response_time_ms", 0, 0],
    ]);

    await finishRunning(id, start + 50 * SECOND);
    await runAutoscalerTick(runtime, start + 60 * SECOND);
    expect((await cluster(id)).status).toBe("active");
    await runAutoscalerTick(runtime, start + 79 * SECOND);
    expect((await cluster(id)).status).toBe("active");
    await runAutoscalerTick(runtime, start + 81 * SECOND);
    expect((await cluster(id)).status).toBe("hibernated");
  });

  it("scales a cluster up from zero workers on a backlog, and hibernates it on an empty queue", async () => {
    const demo = await readFile("blueprints/autoscaler-demo.yaml", "utf8");
    const fromZero = demo
      .replace("id: autoscaler-demo-v1", "id: from-zero-v1")
      .replace("name: Autoscaler Demo Desk", "name: From zero")
      .replace("min_workers: 1", "min_workers: 0")
      .replace("target_workers: 2", "target_workers: 0")
      .replace("count: 1-8", "count: 0-8");
    await createBlueprint({ id: "from-zero-v1", name: "From zero", version: "1.0.0", blueprint_yaml: fromZero }, { audit });
    const { id } = await createCluster({ blueprint_id: "from-zero-v1", name: "Empty desk" }, { runtime, audit });
    expect((await cluster(id)).currentWorkers).toBe(0);
    const start = Date.now();

    await enqueue(id, 12, start);
    await runAutoscalerTick(runtime, start + SECOND);
    expect((await cluster(id)).currentWorkers).toBe(3);
    expect(await lastReason(id)).toBe("queue_depth 12 over 0 workers, target 5 per worker -> 3");

    await work(id, 12, start + 2 * SECOND, start + 3 * SECOND);
    await runAutoscalerTick(runtime, start + 32 * SECOND);
    expect((await cluster(id)).status).toBe("active");
    await runAutoscalerTick(runtime, start + 34 * SECOND);
    expect(await cluster(id)).toMatchObject({ status: "hibernated", currentWorkers: 0 });
  });
});

describe("a posted point and the computed one", () => {
  // marketing-v1: queue_depth at 10 per worker, workers 2..12, starts with 3, evaluated every 15 s
  // (a value is fresh for 45 s), a 300 s scale-down window.
  const spawnMarketing = (name: string) => createCluster({ blueprint_id: "marketing-v1", name }, { runtime, audit });
  const postQueueDepth = (id: string, value: number, ts: number, now = ts) =>
    ingestMetrics(id, { points: [{ name: "queue_depth", value, ts: iso(ts) }] }, now);
  const queueDepthPoints = async (id: string, from: number, to: number) =>
    (await queryMetrics(id, { name: "queue_depth", from: iso(from), to: iso(to) }, to)).points.map((point) =>
      "value" in point ? [Date.parse(point.ts) - from, point.value] : [],
    );

  it("takes the newer posted value while it is fresh, then the computed one again; a late post does not win", async () => {
    const { id } = await spawnMarketing("Posted over tasks");
    const start = Date.now();
    await enqueue(id, 50, start - SECOND);

    await runAutoscalerTick(runtime, start);
    expect((await cluster(id)).currentWorkers).toBe(5);

    // Posted after the evaluation's computed point: the next evaluation reads it and stores no computed queue_depth.
    await postQueueDepth(id, 100, start + 5 * SECOND);
    await runAutoscalerTick(runtime, start + 15 * SECOND);
    expect((await cluster(id)).currentWorkers).toBe(10);
    expect(await lastReason(id)).toMatch(/^queue_depth 100 over 5 workers, target 10 per worker -> 10/);
    // Only the posted name: the other task metrics are computed as ever.
    expect(await db.metricPoint.count({ where: { clusterId: id, name: "tasks_per_minute", ts: start + 15 * SECOND } })).toBe(1);

    // Nothing posted since, but 25 s old is still fresh: it stands.
    await runAutoscalerTick(runtime, start + 30 * SECOND);
    expect(await lastReason(id)).toMatch(/^queue_depth 100 over 10 workers, target 10 per worker: within the 10% tolerance/);

    // 55 s old is stale: the computed value takes over (the down window keeps the workers).
    await runAutoscalerTick(runtime, start + 60 * SECOND);
    expect(await lastReason(id)).toMatch(/^queue_depth 50 over 10 workers/);

    // Posted late, with a time before the newest computed point: charted, never decided on.
    await postQueueDepth(id, 500, start + 50 * SECOND, start + 61 * SECOND);
    await runAutoscalerTick(runtime, start + 75 * SECOND);
    expect(await lastReason(id)).toMatch(/^queue_depth 50 over 10 workers/);
    expect((await cluster(id)).currentWorkers).toBe(10);

    expect(await queueDepthPoints(id, start, start + 75 * SECOND)).toEqual([
      [0, 50],
      [5 * SECOND, 100],
      [50 * SECOND, 500],
      [60 * SECOND, 50],
      [75 * SECOND, 50],
    ]);
    expect(await db.metricLatest.findUnique({ where: { clusterId_name: { clusterId: id, name: "queue_depth" } } })).toMatchObject({
      value: 50,
      ts: start + 75 * SECOND,
      postedTs: start + 50 * SECOND,
    });
  });

  it("lets a point posted at the evaluation's very time stand, and keeps it through evaluations until it is stale", async () => {
    const { id } = await spawnMarketing("Posted on the dot");
    const start = Date.now();
    await enqueue(id, 20, start - SECOND);
    await postQueueDepth(id, 60, start);
    await runAutoscalerTick(runtime, start);
    expect((await cluster(id)).currentWorkers).toBe(6);
    await runAutoscalerTick(runtime, start + 45 * SECOND);
    expect(await lastReason(id)).toMatch(/^queue_depth 60 over 6 workers/);
    await runAutoscalerTick(runtime, start + 60 * SECOND);
    expect(await lastReason(id)).toMatch(/^queue_depth 20 over 6 workers/);
    expect(await queueDepthPoints(id, start, start + 60 * SECOND)).toEqual([
      [0, 60],
      [60 * SECOND, 20],
    ]);
  });
});
