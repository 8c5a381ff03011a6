-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_clusters" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "blueprint_id" TEXT NOT NULL,
    "blueprint_version" TEXT NOT NULL,
    "blueprint_revision" INTEGER NOT NULL DEFAULT 1,
    "min_workers" INTEGER NOT NULL,
    "max_workers" INTEGER NOT NULL,
    "target_workers" INTEGER NOT NULL,
    "current_workers" INTEGER NOT NULL DEFAULT 0,
    "health_score" REAL NOT NULL DEFAULT 1,
    "config_json" TEXT NOT NULL DEFAULT '{}',
    "created_by" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "started_at" DATETIME,
    "hibernated_at" DATETIME,
    CONSTRAINT "clusters_blueprint_id_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprints" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_clusters" ("blueprint_id", "blueprint_version", "config_json", "created_at", "created_by", "current_workers", "description", "health_score", "hibernated_at", "id", "max_workers", "min_workers", "name", "revision", "started_at", "status", "target_workers", "type", "updated_at") SELECT "blueprint_id", "blueprint_version", "config_json", "created_at", "created_by", "current_workers", "description", "health_score", "hibernated_at", "id", "max_workers", "min_workers", "name", "revision", "started_at", "status", "target_workers", "type", "updated_at" FROM "clusters";
DROP TABLE "clusters";
ALTER TABLE "new_clusters" RENAME TO "clusters";
CREATE INDEX "clusters_status_idx" ON "clusters"("status");
CREATE INDEX "clusters_type_idx" ON "clusters"("type");
CREATE INDEX "clusters_blueprint_id_idx" ON "clusters"("blueprint_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
-- Clusters spawned before this column existed: the newest revision that carries their version.
UPDATE "clusters" SET "blueprint_revision" = COALESCE(
    (SELECT MAX("r"."revision") FROM "blueprint_revisions" "r" WHERE "r"."blueprint_id" = "clusters"."blueprint_id" AND "r"."version" = "clusters"."blueprint_version"),
    1);
