-- CreateTable
CREATE TABLE "clusters" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "blueprint_id" TEXT NOT NULL,
    "blueprint_version" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "agents" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "supervisor_id" TEXT,
    "capabilities_json" TEXT NOT NULL DEFAULT '[]',
    "skills_json" TEXT NOT NULL DEFAULT '[]',
    "config_json" TEXT NOT NULL DEFAULT '{}',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "agents_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "cluster_events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cluster_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "from_workers" INTEGER,
    "to_workers" INTEGER,
    "reason" TEXT NOT NULL,
    "actor" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cluster_events_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "clusters_status_idx" ON "clusters"("status");

-- CreateIndex
CREATE INDEX "clusters_type_idx" ON "clusters"("type");

-- CreateIndex
CREATE INDEX "clusters_blueprint_id_idx" ON "clusters"("blueprint_id");

-- CreateIndex
CREATE INDEX "agents_cluster_id_role_status_idx" ON "agents"("cluster_id", "role", "status");

-- CreateIndex
CREATE INDEX "agents_cluster_id_definition_ordinal_idx" ON "agents"("cluster_id", "definition", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "agents_cluster_id_name_key" ON "agents"("cluster_id", "name");

-- CreateIndex
CREATE INDEX "cluster_events_cluster_id_created_at_idx" ON "cluster_events"("cluster_id", "created_at");
