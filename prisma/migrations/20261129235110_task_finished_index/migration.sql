-- CreateIndex
CREATE INDEX "tasks_cluster_id_finished_at_idx" ON "tasks"("cluster_id", "finished_at");
