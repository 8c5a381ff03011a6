// npm run bench:task-metrics - the task metrics of 1,000 clusters over 1,000,000 tasks and as many
// attempts, as one autoscaler tick computes them, in process on a fresh SQLite file: most tasks finished over the retention week, a few thousand waiting, running
// and finished in the last minute (compute-task-metrics.test.ts holds the statements to index plans).
import { withBenchDatabase } from "./bench-database";
import { median } from "./median";

const CLUSTERS = 1000;
const TASKS = 1_000_000;
const RUNS = 5;
const WEEK_MS = 7 * 24 * 3600_000;

async function benchTaskMetrics(): Promise<number> {
  return withBenchDatabase("task-metrics", async () => {
    // Imported only now, inside the bench database.
    const { db } = await import("@/lib/db");
    const { importExampleBlueprints } = await import("@/lib/blueprint/import-example-blueprints");
    const { computeTaskMetrics } = await import("@/lib/metrics/compute-task-metrics");

    await importExampleBlueprints("blueprints");
    const now = Date.now();
    await db.$executeRaw`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${CLUSTERS})
      INSERT INTO clusters (id, name, type, status, blueprint_id, blueprint_version, min_workers, max_workers, target_workers, created_at, updated_at)
      SELECT 'cluster-' || i, 'Bench ' || i, 'team', 'active', 'marketing-v1', '1.0.0', 2, 12, 3, ${now}, ${now} FROM n`;
    // Task i is task j = i / 1,000 of cluster i mod 1,000. One in 250 waits, one in 500 runs, one in
    // 400 finished in the last minute; the rest finished over the past week, one in 20 of them dead.
    await db.$executeRaw`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${TASKS}),
        numbered(i, j, cluster) AS (SELECT i, i / CAST(${CLUSTERS} AS INTEGER), i % CAST(${CLUSTERS} AS INTEGER) FROM n)
      INSERT INTO tasks (id, cluster_id, input_json, priority, timeout_s, max_attempts, attempt_count, status, run_after, created_at, updated_at, started_at, finished_at)
      SELECT 'task-' || i, 'cluster-' || cluster, '"work"', 5, 300, 3, 1,
        CASE WHEN j % 250 = 0 THEN 'queued' WHEN j % 500 = 1 THEN 'running' WHEN j % 20 = 3 THEN 'dead' ELSE 'succeeded' END,
        ${now}, ${now} - ${WEEK_MS}, ${now}, ${now} - ${WEEK_MS},
        CASE WHEN j % 250 = 0 OR j % 500 = 1 THEN NULL
             WHEN j % 400 = 2 THEN ${now} - (i % 60000)
             ELSE ${now} - 60000 - (i * 604) % ${WEEK_MS} END
      FROM numbered`;
    await db.$executeRaw`
      INSERT INTO task_attempts (task_id, cluster_id, number, agent_id, started_at, ended_at, outcome)
      SELECT id, cluster_id, 1, 'agent', COALESCE(finished_at, ${now}) - 2000, finished_at,
        CASE status WHEN 'running' THEN 'running' WHEN 'dead' THEN 'failed' ELSE 'succeeded' END
      FROM tasks WHERE status <> 'queued'`;

    const ids = Array.from({ length: CLUSTERS }, (_, index) => `cluster-${index}`);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const metrics = await computeTaskMetrics(ids, now);
      times.push(performance.now() - started);
      const first = metrics.get("cluster-0")!;
      if (
        first.values.queue_depth !== TASKS / CLUSTERS / 250 ||
        first.running !== TASKS / CLUSTERS / 500 ||
        first.values.tasks_per_minute === 0
      )
        throw new Error(`unexpected metrics for cluster-0: ${JSON.stringify(first)}`);
    }
    await db.$disconnect();
    return median(times);
  });
}

const ms = await benchTaskMetrics();
console.log(`\nbench:task-metrics (median of ${RUNS} runs, SQLite)`);
console.log(`${"task metrics of 1,000 clusters over 1,000,000 tasks".padEnd(56)}${ms.toFixed(1).padStart(9)} ms  target < 250`);
