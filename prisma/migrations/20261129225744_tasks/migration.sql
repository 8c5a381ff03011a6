-- AlterTable
ALTER TABLE "cluster_changes" ADD COLUMN "task_id" TEXT;

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cluster_id" TEXT NOT NULL,
    "input_json" TEXT NOT NULL,
    "definition" TEXT,
    "capability" TEXT,
    "priority" INTEGER NOT NULL DEFAULT 5,
    "timeout_s" INTEGER NOT NULL,
    "max_attempts" INTEGER NOT NULL,
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "parent_task_id" TEXT,
    "metadata_json" TEXT,
    "status" TEXT NOT NULL,
    "result_json" TEXT,
    "error_json" TEXT,
    "agent_id" TEXT,
    "lease_expires_at" REAL,
    "run_after" REAL NOT NULL,
    "created_by" TEXT,
    "created_at" REAL NOT NULL,
    "updated_at" REAL NOT NULL,
    "started_at" REAL,
    "finished_at" REAL,
    CONSTRAINT "tasks_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "task_attempts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "task_id" TEXT NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "agent_id" TEXT NOT NULL,
    "started_at" REAL NOT NULL,
    "ended_at" REAL,
    "outcome" TEXT NOT NULL,
    "error_json" TEXT,
    "executor_ref" TEXT,
    "facts_json" TEXT,
    "refused_outcome" TEXT,
    CONSTRAINT "task_attempts_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "task_submissions" (
    "cluster_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "task_ids_json" TEXT NOT NULL,
    "single" BOOLEAN NOT NULL,
    "created_at" REAL NOT NULL,

    PRIMARY KEY ("cluster_id", "key")
);

-- CreateIndex
CREATE INDEX "tasks_cluster_id_status_priority_run_after_idx" ON "tasks"("cluster_id", "status", "priority", "run_after");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_created_at_idx" ON "tasks"("cluster_id", "created_at");

-- CreateIndex
CREATE INDEX "tasks_status_lease_expires_at_idx" ON "tasks"("status", "lease_expires_at");

-- CreateIndex
CREATE INDEX "tasks_finished_at_idx" ON "tasks"("finished_at");

-- CreateIndex
CREATE INDEX "tasks_agent_id_status_idx" ON "tasks"("agent_id", "status");

-- CreateIndex
CREATE INDEX "task_attempts_cluster_id_ended_at_idx" ON "task_attempts"("cluster_id", "ended_at");

-- CreateIndex
CREATE UNIQUE INDEX "task_attempts_task_id_number_key" ON "task_attempts"("task_id", "number");

-- CreateIndex
CREATE INDEX "task_submissions_created_at_idx" ON "task_submissions"("created_at");
