-- AlterTable
ALTER TABLE "metric_latest" ADD COLUMN "posted_ts" REAL;

-- CreateIndex
CREATE INDEX "tasks_cluster_id_finished_at_idx" ON "tasks"("cluster_id", "finished_at");

-- Until now every scaling metric's point was posted: the autoscaler computed none of them.
UPDATE "metric_latest" SET "posted_ts" = "ts"
WHERE "name" IN ('queue_depth', 'tasks_per_minute', 'response_time_ms', 'cpu_utilization', 'memory_utilization', 'error_rate');
