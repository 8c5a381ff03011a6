-- DropIndex
DROP INDEX "tasks_agent_id_created_at_idx";

-- CreateIndex
CREATE INDEX "tasks_cluster_id_agent_id_created_at_idx" ON "tasks"("cluster_id", "agent_id", "created_at");
