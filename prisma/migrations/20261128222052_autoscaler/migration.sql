-- CreateTable
CREATE TABLE "metric_latest" (
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "ts" REAL NOT NULL,
    "first_ts" REAL NOT NULL,
    "last_nonzero_ts" REAL,

    PRIMARY KEY ("cluster_id", "name")
);

-- CreateTable
CREATE TABLE "autoscaler_states" (
    "cluster_id" TEXT NOT NULL PRIMARY KEY,
    "pause" TEXT NOT NULL DEFAULT 'none',
    "next_evaluation_at" REAL NOT NULL DEFAULT 0,
    "last_evaluated_at" REAL,
    "history_json" TEXT NOT NULL DEFAULT '[]',
    "last_decision_json" TEXT,
    CONSTRAINT "autoscaler_states_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "autoscaler_leases" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expires_at" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "autoscaler_states_next_evaluation_at_idx" ON "autoscaler_states"("next_evaluation_at");
