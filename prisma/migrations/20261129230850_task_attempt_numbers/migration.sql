-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cluster_id" TEXT NOT NULL,
    "input_json" TEXT NOT NULL,
    "definition" TEXT,
    "capability" TEXT,
    "priority" INTEGER NOT NULL DEFAULT 5,
    "timeout_s" INTEGER NOT NULL,
    "max_attempts" INTEGER NOT NULL,
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "last_attempt" INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO "new_tasks" ("agent_id", "attempt_count", "capability", "cluster_id", "created_at", "created_by", "definition", "error_json", "finished_at", "id", "input_json", "lease_expires_at", "max_attempts", "metadata_json", "parent_task_id", "priority", "result_json", "run_after", "started_at", "status", "timeout_s", "updated_at") SELECT "agent_id", "attempt_count", "capability", "cluster_id", "created_at", "created_by", "definition", "error_json", "finished_at", "id", "input_json", "lease_expires_at", "max_attempts", "metadata_json", "parent_task_id", "priority", "result_json", "run_after", "started_at", "status", "timeout_s", "updated_at" FROM "tasks";
DROP TABLE "tasks";
ALTER TABLE "new_tasks" RENAME TO "tasks";
CREATE INDEX "tasks_cluster_id_status_priority_created_at_idx" ON "tasks"("cluster_id", "status", "priority" DESC, "created_at");
CREATE INDEX "tasks_cluster_id_created_at_idx" ON "tasks"("cluster_id", "created_at");
CREATE INDEX "tasks_status_lease_expires_at_idx" ON "tasks"("status", "lease_expires_at");
CREATE INDEX "tasks_finished_at_idx" ON "tasks"("finished_at");
CREATE INDEX "tasks_agent_id_status_idx" ON "tasks"("agent_id", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
