// computeTaskMetrics: the four task metrics of many clusters at one moment, read from the tasks
// and their attempts (spec/tasks.md, "Metrics"), in four statements per 500 clusters whatever
// the number of tasks: each reads index ranges of the clusters asked for, never a whole table.
import { db } from "@/lib/db";
import { inIdChunks } from "@/lib/db/batches";
import { Prisma } from "@/lib/generated/prisma/client";
import { WAITING_TASK_STATUSES } from "@/lib/tasks/task-status";

/** The window of the rates and means: the last minute, up to and including the moment computed. */
export const TASK_METRIC_WINDOW_MS = 60_000;

/** Keyed by the metric names, as they are stored and charted. */
export interface TaskMetricValues {
  /** Tasks waiting for an agent: queued, or failed and waiting out the backoff before a retry. */
  queue_depth: number;
  /** Tasks that reached succeeded or dead in the window (cancelled ones were stopped, not worked). */
  tasks_per_minute: number;
  /** Mean duration of the attempts finished in the window; null when none finished while work was in hand. */
  response_time_ms: number | null;
  /** The share of errors among the attempts finished in the window; null as response_time_ms. */
  error_rate: number | null;
}

export interface ClusterTaskMetrics {
  values: TaskMetricValues;
  /** Tasks an agent is running now. */
  running: number;
  /** When the cluster's latest attempt ended; null if none ever did. */
  lastAttemptEndedAt: number | null;
}

// A raw query answers an integer as bigint and a real as number: each is read through Number().
type SqlNumber = bigint | number;

/**
 * The statements for a slice of clusters, one per measure. An attempt is finished when it gave a
 * verdict on the work: it succeeded, it failed, or it was lost (its lease ran out) as the last
 * attempt of a task now dead. An error is a finished attempt that did not succeed. A lost attempt
 * that is retried, one released while the console stopped its agent, and a cancelled one say
 * nothing about the work and count nowhere.
 */
export function taskMetricStatements(ids: readonly string[], now: number) {
  const clusters = Prisma.join(ids);
  const from = now - TASK_METRIC_WINDOW_MS;
  return {
    inHand: Prisma.sql`
      SELECT cluster_id AS "clusterId", status, COUNT(*) AS tasks
      FROM tasks
      WHERE cluster_id IN (${clusters}) AND status IN (${Prisma.join([...WAITING_TASK_STATUSES, "running"])})
      GROUP BY cluster_id, status`,
    // The status is tested in the sum, not the WHERE, so that the planner takes the index range on finished_at.
    finishedTasks: Prisma.sql`
      SELECT cluster_id AS "clusterId", SUM(CASE WHEN status IN ('succeeded', 'dead') THEN 1 ELSE 0 END) AS tasks
      FROM tasks
      WHERE cluster_id IN (${clusters}) AND finished_at > ${from} AND finished_at <= ${now}
      GROUP BY cluster_id`,
    finishedAttempts: Prisma.sql`
      SELECT attempt.cluster_id AS "clusterId",
        COUNT(*) AS attempts,
        SUM(CASE WHEN attempt.outcome = 'succeeded' THEN 0 ELSE 1 END) AS errors,
        SUM(attempt.ended_at - attempt.started_at) AS "durationMs"
      FROM task_attempts AS attempt
      WHERE attempt.cluster_id IN (${clusters}) AND attempt.ended_at > ${from} AND attempt.ended_at <= ${now}
        AND (attempt.outcome IN ('succeeded', 'failed')
          OR (attempt.outcome = 'lost'
            AND EXISTS (SELECT 1 FROM tasks WHERE tasks.id = attempt.task_id AND tasks.status = 'dead')
            AND NOT EXISTS (SELECT 1 FROM task_attempts AS later WHERE later.task_id = attempt.task_id AND later.number > attempt.number)))
      GROUP BY attempt.cluster_id`,
    // One index seek per cluster: the newest end is the last entry of its (cluster_id, ended_at) range.
    lastEnds: Prisma.sql`
      SELECT clusters.id AS "clusterId",
        (SELECT MAX(attempt.ended_at) FROM task_attempts AS attempt WHERE attempt.cluster_id = clusters.id) AS "endedAt"
      FROM clusters
      WHERE clusters.id IN (${clusters})`,
  };
}

/**
 * Every cluster asked for gets an answer: with no tasks at all, zeros, so its idle time can be
 * counted. The statements are not one snapshot: a task that moves between two of them is off by
 * one for this evaluation only, whereas a read transaction would hold the queue's writers back.
 */
export async function computeTaskMetrics(clusterIds: readonly string[], now: number): Promise<Map<string, ClusterTaskMetrics>> {
  const entries = await inIdChunks(clusterIds, async (ids) => {
    const statements = taskMetricStatements(ids, now);
    const inHand = await db.$queryRaw<Array<{ clusterId: string; status: string; tasks: SqlNumber }>>(statements.inHand);
    const finishedTasks = await db.$queryRaw<Array<{ clusterId: string; tasks: SqlNumber }>>(statements.finishedTasks);
    const finishedAttempts = await db.$queryRaw<
      Array<{ clusterId: string; attempts: SqlNumber; errors: SqlNumber; durationMs: SqlNumber }>
    >(statements.finishedAttempts);
    const lastEnds = await db.$queryRaw<Array<{ clusterId: string; endedAt: SqlNumber | null }>>(statements.lastEnds);

    const metrics = new Map<string, ClusterTaskMetrics>(
      ids.map((id) => [
        id,
        { values: { queue_depth: 0, tasks_per_minute: 0, response_time_ms: null, error_rate: null }, running: 0, lastAttemptEndedAt: null },
      ]),
    );
    const of = (id: string) => metrics.get(id)!;
    for (const row of inHand) {
      if (row.status === "running") of(row.clusterId).running = Number(row.tasks);
      else of(row.clusterId).values.queue_depth += Number(row.tasks);
    }
    for (const row of finishedTasks) of(row.clusterId).values.tasks_per_minute = Number(row.tasks);
    for (const row of finishedAttempts) {
      of(row.clusterId).values.response_time_ms = Number(row.durationMs) / Number(row.attempts);
      of(row.clusterId).values.error_rate = Number(row.errors) / Number(row.attempts);
    }
    for (const row of lastEnds) of(row.clusterId).lastAttemptEndedAt = row.endedAt === null ? null : Number(row.endedAt);
    // No verdict in the window: zero for an idle cluster; with work in hand no value, rather than a
    // zero that would read "fast and faultless".
    for (const cluster of metrics.values())
      if (cluster.values.response_time_ms === null && cluster.values.queue_depth + cluster.running === 0)
        Object.assign(cluster.values, { response_time_ms: 0, error_rate: 0 });
    return [...metrics];
  });
  return new Map(entries);
}
