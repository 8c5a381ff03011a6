// Stored task and attempt rows: their text columns as the domain's types, and the API's snake_case
// views (spec/tasks.md, "The task").
import { parseStoredValue } from "@/lib/db/stored-value";
import type { Task as TaskRow, TaskAttempt as TaskAttemptRow } from "@/lib/generated/prisma/client";
import type { TaskAttemptView, TaskDetailView, TaskView } from "./api-schema";
import type { TaskError } from "./task-queue";
import { ATTEMPT_OUTCOMES, TASK_STATUSES, type TaskStatus } from "./task-status";

export function parseTaskStatus(status: string): TaskStatus {
  return parseStoredValue(TASK_STATUSES, status, "tasks.status");
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toTaskView(row: TaskRow): TaskView {
  const status = parseTaskStatus(row.status);
  return {
    id: row.id,
    cluster_id: row.clusterId,
    input: JSON.parse(row.inputJson) as unknown,
    definition: row.definition,
    capability: row.capability,
    priority: row.priority,
    timeout_s: row.timeoutS,
    max_attempts: row.maxAttempts,
    attempt_count: row.attemptCount,
    parent_task_id: row.parentTaskId,
    metadata: parseJson<Record<string, unknown>>(row.metadataJson),
    status,
    result: parseJson<unknown>(row.resultJson),
    error: parseJson<TaskError>(row.errorJson),
    agent_id: row.agentId,
    next_attempt_at: status === "failed" ? new Date(row.runAfter).toISOString() : null,
    created_by: row.createdBy,
    created_at: new Date(row.createdAt).toISOString(),
    updated_at: new Date(row.updatedAt).toISOString(),
    started_at: isoOrNull(row.startedAt),
    finished_at: isoOrNull(row.finishedAt),
  };
}

export function toTaskAttemptView(row: TaskAttemptRow): TaskAttemptView {
  return {
    number: row.number,
    agent_id: row.agentId,
    started_at: new Date(row.startedAt).toISOString(),
    ended_at: isoOrNull(row.endedAt),
    outcome: parseStoredValue(ATTEMPT_OUTCOMES, row.outcome, "task_attempts.outcome"),
    error: parseJson<TaskError>(row.errorJson),
    executor_ref: row.executorRef,
    facts: parseJson<Record<string, unknown>>(row.factsJson),
    refused_outcome: row.refusedOutcome,
  };
}

/** What a task query includes for the single-task view: its attempts, oldest first. */
export const TASK_ATTEMPTS_INCLUDE = { attempts: { orderBy: { number: "asc" } } } as const;

export function toTaskDetailView(row: TaskRow & { attempts: TaskAttemptRow[] }): TaskDetailView {
  const { attempts, ...task } = row;
  return { ...toTaskView(task), attempts: attempts.map(toTaskAttemptView) };
}
