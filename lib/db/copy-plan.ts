// Which tables `db copy` moves from a SQLite console to PostgreSQL, in an order that satisfies the
// foreign keys, and which it leaves behind and why. Every model of the schema is in one list or the
// other (copy-plan.test.ts holds it so), so a new model cannot be forgotten silently.
import type { Prisma } from "../generated/prisma/client";

export interface PlannedTable {
  table: string;
  model: Prisma.ModelName;
}

export interface SkippedTable extends PlannedTable {
  reason: string;
}

/** The tables to copy, parents before children; the rest have no foreign key and follow. */
export const COPIED_TABLES: readonly PlannedTable[] = [
  { table: "users", model: "User" },
  { table: "api_tokens", model: "ApiToken" },
  { table: "blueprints", model: "Blueprint" },
  { table: "blueprint_revisions", model: "BlueprintRevision" },
  { table: "clusters", model: "Cluster" },
  { table: "agents", model: "Agent" },
  { table: "cluster_events", model: "ClusterEvent" },
  { table: "autoscaler_states", model: "AutoscalerState" },
  { table: "tasks", model: "Task" },
  { table: "task_attempts", model: "TaskAttempt" },
  // Idempotency keys are kept a day: a client retrying across the move still gets its own tasks back.
  { table: "task_submissions", model: "TaskSubmission" },
  // The change feed (an hour of it): its ids are the event streams' ids, so a tab resuming with
  // Last-Event-ID on a new instance gets what it missed rather than a reset.
  { table: "cluster_changes", model: "ClusterChange" },
  { table: "metric_points", model: "MetricPoint" },
  { table: "metric_minutes", model: "MetricMinute" },
  { table: "metric_latest", model: "MetricLatest" },
  { table: "audit_entries", model: "AuditEntry" },
];

export const SKIPPED_TABLES: readonly SkippedTable[] = [
  {
    table: "autoscaler_leases",
    model: "AutoscalerLease",
    reason: "it names a process of the old console; the new instances elect their own autoscaler leader",
  },
  {
    table: "console_instances",
    model: "ConsoleInstance",
    reason: "it names processes of the old console; the new instances register themselves and take over its agents",
  },
  {
    table: "rate_limits",
    model: "RateLimit",
    reason: "request budgets last a minute and a SQLite console keeps them in memory, so the table is empty there",
  },
];
