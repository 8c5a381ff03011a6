-- DropIndex
DROP INDEX "tasks_agent_id_status_idx";

-- CreateIndex
CREATE INDEX "tasks_cluster_id_status_created_at_idx" ON "tasks"("cluster_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_definition_created_at_idx" ON "tasks"("cluster_id", "definition", "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_capability_created_at_idx" ON "tasks"("cluster_id", "capability", "created_at");

-- CreateIndex
CREATE INDEX "tasks_agent_id_created_at_idx" ON "tasks"("agent_id", "created_at");
