-- CreateTable
CREATE TABLE "metric_points" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "ts" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "metric_minutes" (
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "minute" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    "min" REAL NOT NULL,
    "max" REAL NOT NULL,

    PRIMARY KEY ("cluster_id", "name", "minute")
);

-- CreateIndex
CREATE INDEX "metric_points_cluster_id_name_ts_idx" ON "metric_points"("cluster_id", "name", "ts");

-- CreateIndex
CREATE INDEX "metric_points_ts_idx" ON "metric_points"("ts");

-- CreateIndex
CREATE INDEX "metric_minutes_minute_idx" ON "metric_minutes"("minute");
