// The four task metrics on a real database (SQLite, or PostgreSQL on that leg), from task and attempt rows written directly: each
// formula at its edges, the batching across many clusters, and index-only plans.
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { IDS_PER_QUERY } from "@/lib/db/batches";
import { isPostgres } from "@/lib/db/dialect";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeTaskMetrics, TASK_METRIC_WINDOW_MS, taskMetricStatements } from "./compute-task-metrics";

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const SECOND = 1000;

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

let clusterCount = 0;
async function createClusters(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `cluster-${++clusterCount}`);
  await db.cluster.createMany({
    data: ids.map((id) => ({
      id,
      name: id,
      type: "team",
      status: "active",
      blueprintId: "marketing-v1",
      blueprintVersion: "1.0.0",
      minWorkers: 2,
      maxWorkers: 12,
      targetWorkers: 3,
    })),
  });
  return ids;
}

interface AttemptRow {
  outcome: "running" | "succeeded" | "failed" | "lost" | "cancelled";
  startedAt: number;
  endedAt?: number;
}

let taskCount = 0;
/** A task with its attempts, numbered in order. */
async function addTask(clusterId: string, status: string, finishedAt: number | null, attempts: AttemptRow[] = []): Promise<string> {
  const id = `task-${++taskCount}`;
  await db.task.create({
    data: {
      id,
      clusterId,
      inputJson: '"work"',
      timeoutS: 300,
      maxAttempts: 3,
      attemptCount: attempts.length,
      status,
      runAfter: NOW - 3600 * SECOND,
      createdAt: NOW - 3600 * SECOND,
      updatedAt: NOW,
      finishedAt,
      attempts: {
        create: attempts.map((attempt, index) => ({
          clusterId,
          number: index + 1,
          agentId: "agent-1",
          startedAt: attempt.startedAt,
          endedAt: attempt.endedAt ?? null,
          outcome: attempt.outcome,
        })),
      },
    },
  });
  return id;
}

const ended = (outcome: AttemptRow["outcome"], endedAt: number, durationMs: number): AttemptRow => ({
  outcome,
  startedAt: endedAt - durationMs,
  endedAt,
});

describe("computeTaskMetrics", () => {
  it("gives a cluster without tasks zeros, and no value for the means while work is in hand without a verdict", async () => {
    const [idle, busy] = await createClusters(2);
    await addTask(busy!, "running", null, [{ outcome: "running", startedAt: NOW - 5 * 60 * SECOND }]);
    const metrics = await computeTaskMetrics([idle!, busy!], NOW);
    expect(metrics.get(idle!)).toEqual({
      values: { queue_depth: 0, tasks_per_minute: 0, response_time_ms: 0, error_rate: 0 },
      running: 0,
      lastAttemptEndedAt: null,
    });
    expect(metrics.get(busy!)).toEqual({
      values: { queue_depth: 0, tasks_per_minute: 0, response_time_ms: null, error_rate: null },
      running: 1,
      lastAttemptEndedAt: null,
    });
  });

  it("counts queued tasks and failed ones waiting for their retry in queue_depth, nothing else", async () => {
    const [id] = await createClusters(1);
    for (const status of ["queued", "queued", "failed", "running", "succeeded", "dead", "cancelled"])
      await addTask(id!, status, ["succeeded", "dead", "cancelled"].includes(status) ? NOW - 3600 * SECOND : null);
    const metrics = (await computeTaskMetrics([id!], NOW)).get(id!)!;
    expect(metrics.values.queue_depth).toBe(3);
    expect(metrics.running).toBe(1);
  });

  it("counts in tasks_per_minute the tasks that succeeded or died in the last minute, not cancelled ones", async () => {
    const [id] = await createClusters(1);
    await addTask(id!, "succeeded", NOW);
    await addTask(id!, "succeeded", NOW - TASK_METRIC_WINDOW_MS + 1);
    await addTask(id!, "dead", NOW - 30 * SECOND);
    await addTask(id!, "cancelled", NOW - 10 * SECOND);
    // Outside the window: exactly a minute ago, and (for a clock running behind) after now.
    await addTask(id!, "succeeded", NOW - TASK_METRIC_WINDOW_MS);
    await addTask(id!, "succeeded", NOW + 1);
    expect((await computeTaskMetrics([id!], NOW)).get(id!)!.values.tasks_per_minute).toBe(3);
  });

  it("averages the attempts with a verdict in response_time_ms and counts the failed ones in error_rate", async () => {
    const [id] = await createClusters(1);
    await addTask(id!, "succeeded", NOW - SECOND, [ended("succeeded", NOW - SECOND, 1000)]);
    // A failure and its successful retry: two verdicts, one an error.
    await addTask(id!, "succeeded", NOW - 2 * SECOND, [
      ended("failed", NOW - 20 * SECOND, 3000),
      ended("succeeded", NOW - 2 * SECOND, 2000),
    ]);
    // Lost as the last attempt, leaving the task dead: an error. Its first attempt ended before the window.
    await addTask(id!, "dead", NOW - 5 * SECOND, [ended("failed", NOW - 2 * 60 * SECOND, 500), ended("lost", NOW - 5 * SECOND, 6000)]);
    // No verdicts: a lost attempt whose task runs again, a cancelled one, a running one.
    await addTask(id!, "running", null, [ended("lost", NOW - 10 * SECOND, 9000), { outcome: "running", startedAt: NOW - 4 * SECOND }]);
    await addTask(id!, "cancelled", NOW - 3 * SECOND, [ended("cancelled", NOW - 3 * SECOND, 7000)]);

    const metrics = (await computeTaskMetrics([id!], NOW)).get(id!)!;
    expect(metrics.values.response_time_ms).toBe((1000 + 3000 + 2000 + 6000) / 4);
    expect(metrics.values.error_rate).toBe(2 / 4);
    expect(metrics.running).toBe(1);
    expect(metrics.lastAttemptEndedAt).toBe(NOW - SECOND);
  });

  it("answers for every cluster asked, across several slices of clusters, each with its own tasks", async () => {
    const ids = await createClusters(2 * IDS_PER_QUERY + 7);
    // Cluster i has i % 4 queued tasks and, when i % 3 is 0, one success of i ms in the window.
    const base = { inputJson: '"work"', timeoutS: 300, maxAttempts: 3, runAfter: NOW, createdAt: NOW, updatedAt: NOW };
    const successes = ids.flatMap((clusterId, index) => (index % 3 === 0 ? [{ clusterId, index, id: `${clusterId}-done` }] : []));
    await db.task.createMany({
      data: [
        ...ids.flatMap((clusterId, index) =>
          Array.from({ length: index % 4 }, (_, queued) => ({ ...base, id: `${clusterId}-queued-${queued}`, clusterId, status: "queued" })),
        ),
        ...successes.map(({ id, clusterId }) => ({
          ...base,
          id,
          clusterId,
          status: "succeeded",
          attemptCount: 1,
          finishedAt: NOW - SECOND,
        })),
      ],
    });
    await db.taskAttempt.createMany({
      data: successes.map(({ id, clusterId, index }) => ({
        taskId: id,
        clusterId,
        number: 1,
        agentId: "agent-1",
        ...ended("succeeded", NOW - SECOND, index),
      })),
    });
    const metrics = await computeTaskMetrics(ids, NOW);
    expect(metrics.size).toBe(ids.length);
    for (const [index, id] of ids.entries()) {
      const finished = index % 3 === 0;
      expect(metrics.get(id)!.values, id).toEqual({
        queue_depth: index % 4,
        tasks_per_minute: finished ? 1 : 0,
        response_time_ms: finished ? index : index % 4 > 0 ? null : 0,
        error_rate: finished ? 0 : index % 4 > 0 ? null : 0,
      });
    }
  });

  it.runIf(isPostgres)("reads the tasks and attempts through their indexes on PostgreSQL", async () => {
    for (const [name, statement] of Object.entries(taskMetricStatements(["cluster-1", "cluster-2"], NOW))) {
      // On near-empty tables the planner rightly prefers a scan; forbidding it shows an index serves each read.
      const plan = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRaw<Array<{ "QUERY PLAN": string }>>(Prisma.sql`EXPLAIN ${statement}`);
      });
      const lines = plan.map((row) => row["QUERY PLAN"]);
      expect(
        lines.filter((line) => /Seq Scan on (tasks|task_attempts)\b/.test(line)),
        name,
      ).toEqual([]);
      expect(lines.filter((line) => /Index (Only )?Scan/.test(line)).length, name).toBeGreaterThan(0);
    }
  });

  it.runIf(!isPostgres)("reads only index ranges of the clusters asked for, never a whole table", async () => {
    const plans = await Promise.all(
      Object.entries(taskMetricStatements(["cluster-1", "cluster-2"], NOW)).map(async ([name, statement]) => {
        const rows = await db.$queryRaw<Array<{ detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${statement}`);
        return [name, rows.map((row) => row.detail)] as const;
      }),
    );
    for (const [name, details] of plans) {
      expect(
        details.filter((detail) => /^SCAN /.test(detail)),
        name,
      ).toEqual([]);
      expect(details.filter((detail) => /^SEARCH /.test(detail)).length, name).toBeGreaterThan(0);
    }
    const steps = Object.fromEntries(plans);
    expect(steps.inHand).toContainEqual(
      expect.stringMatching(/USING COVERING INDEX tasks_cluster_id_status_(priority_created_at|created_at)_idx/),
    );
    expect(steps.finishedTasks).toContainEqual(
      expect.stringMatching(/USING INDEX tasks_cluster_id_finished_at_idx \(cluster_id=\? AND finished_at>\? AND finished_at<\?\)/),
    );
    expect(steps.finishedAttempts).toContainEqual(
      expect.stringMatching(/USING INDEX task_attempts_cluster_id_ended_at_idx \(cluster_id=\? AND ended_at>\? AND ended_at<\?\)/),
    );
    expect(steps.lastEnds).toContainEqual(expect.stringMatching(/USING COVERING INDEX task_attempts_cluster_id_ended_at_idx/));
  });
});
