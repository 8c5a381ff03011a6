-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "blueprints" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "description" TEXT,
    "tags_json" TEXT NOT NULL DEFAULT '[]',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "current_revision" INTEGER NOT NULL DEFAULT 1,
    "agent_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "blueprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blueprint_revisions" (
    "id" SERIAL NOT NULL,
    "blueprint_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "blueprint_yaml" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "blueprint_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clusters" (
    "id" TEXT NOT NULL,
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
    "health_score" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "config_json" TEXT NOT NULL DEFAULT '{}',
    "created_by" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3),
    "hibernated_at" TIMESTAMP(3),

    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agents" (
    "id" TEXT NOT NULL,
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
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster_events" (
    "id" SERIAL NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "from_workers" INTEGER,
    "to_workers" INTEGER,
    "reason" TEXT NOT NULL,
    "actor" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cluster_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster_changes" (
    "id" SERIAL NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "actor" TEXT,
    "task_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cluster_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_points" (
    "id" SERIAL NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "ts" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "metric_points_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_minutes" (
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "minute" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "metric_minutes_pkey" PRIMARY KEY ("cluster_id","name","minute")
);

-- CreateTable
CREATE TABLE "metric_latest" (
    "cluster_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "ts" DOUBLE PRECISION NOT NULL,
    "first_ts" DOUBLE PRECISION NOT NULL,
    "last_nonzero_ts" DOUBLE PRECISION,
    "posted_ts" DOUBLE PRECISION,

    CONSTRAINT "metric_latest_pkey" PRIMARY KEY ("cluster_id","name")
);

-- CreateTable
CREATE TABLE "autoscaler_states" (
    "cluster_id" TEXT NOT NULL,
    "pause" TEXT NOT NULL DEFAULT 'none',
    "next_evaluation_at" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "last_evaluated_at" DOUBLE PRECISION,
    "history_json" TEXT NOT NULL DEFAULT '[]',
    "last_decision_json" TEXT,

    CONSTRAINT "autoscaler_states_pkey" PRIMARY KEY ("cluster_id")
);

-- CreateTable
CREATE TABLE "autoscaler_leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "autoscaler_leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "disabled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "last_sign_in_at" TIMESTAMP(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "summary" TEXT NOT NULL,
    "ip" TEXT,
    "request_id" TEXT,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL,
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
    "lease_expires_at" DOUBLE PRECISION,
    "run_after" DOUBLE PRECISION NOT NULL,
    "created_by" TEXT,
    "created_at" DOUBLE PRECISION NOT NULL,
    "updated_at" DOUBLE PRECISION NOT NULL,
    "started_at" DOUBLE PRECISION,
    "finished_at" DOUBLE PRECISION,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_attempts" (
    "id" SERIAL NOT NULL,
    "task_id" TEXT NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "agent_id" TEXT NOT NULL,
    "started_at" DOUBLE PRECISION NOT NULL,
    "ended_at" DOUBLE PRECISION,
    "outcome" TEXT NOT NULL,
    "error_json" TEXT,
    "executor_ref" TEXT,
    "facts_json" TEXT,
    "refused_outcome" TEXT,

    CONSTRAINT "task_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_submissions" (
    "cluster_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "task_ids_json" TEXT NOT NULL,
    "single" BOOLEAN NOT NULL,
    "created_at" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "task_submissions_pkey" PRIMARY KEY ("cluster_id","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "blueprint_revisions_blueprint_id_revision_key" ON "blueprint_revisions"("blueprint_id", "revision");

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

-- CreateIndex
CREATE INDEX "cluster_changes_created_at_idx" ON "cluster_changes"("created_at");

-- CreateIndex
CREATE INDEX "metric_points_cluster_id_name_ts_idx" ON "metric_points"("cluster_id", "name", "ts");

-- CreateIndex
CREATE INDEX "metric_points_ts_idx" ON "metric_points"("ts");

-- CreateIndex
CREATE INDEX "metric_minutes_minute_idx" ON "metric_minutes"("minute");

-- CreateIndex
CREATE INDEX "autoscaler_states_next_evaluation_at_idx" ON "autoscaler_states"("next_evaluation_at");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_secret_hash_key" ON "api_tokens"("secret_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "audit_entries_at_idx" ON "audit_entries"("at");

-- CreateIndex
CREATE INDEX "audit_entries_actor_email_at_idx" ON "audit_entries"("actor_email", "at");

-- CreateIndex
CREATE INDEX "audit_entries_action_at_idx" ON "audit_entries"("action", "at");

-- CreateIndex
CREATE INDEX "audit_entries_target_type_target_id_at_idx" ON "audit_entries"("target_type", "target_id", "at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_status_priority_created_at_idx" ON "tasks"("cluster_id", "status", "priority" DESC, "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_created_at_idx" ON "tasks"("cluster_id", "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_status_created_at_idx" ON "tasks"("cluster_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_definition_created_at_idx" ON "tasks"("cluster_id", "definition", "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_capability_created_at_idx" ON "tasks"("cluster_id", "capability", "created_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_agent_id_created_at_idx" ON "tasks"("cluster_id", "agent_id", "created_at");

-- CreateIndex
CREATE INDEX "tasks_status_lease_expires_at_idx" ON "tasks"("status", "lease_expires_at");

-- CreateIndex
CREATE INDEX "tasks_finished_at_idx" ON "tasks"("finished_at");

-- CreateIndex
CREATE INDEX "tasks_cluster_id_finished_at_idx" ON "tasks"("cluster_id", "finished_at");

-- CreateIndex
CREATE INDEX "task_attempts_cluster_id_ended_at_idx" ON "task_attempts"("cluster_id", "ended_at");

-- CreateIndex
CREATE UNIQUE INDEX "task_attempts_task_id_number_key" ON "task_attempts"("task_id", "number");

-- CreateIndex
CREATE INDEX "task_submissions_created_at_idx" ON "task_submissions"("created_at");

-- AddForeignKey
ALTER TABLE "blueprint_revisions" ADD CONSTRAINT "blueprint_revisions_blueprint_id_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_blueprint_id_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agents" ADD CONSTRAINT "agents_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_events" ADD CONSTRAINT "cluster_events_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autoscaler_states" ADD CONSTRAINT "autoscaler_states_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_attempts" ADD CONSTRAINT "task_attempts_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
