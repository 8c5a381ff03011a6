// submitTasks: one task or a batch of up to 1,000 for a cluster, checked against the cluster's
// blueprint and stored in one transaction (a bad task stores none of the batch). An
// Idempotency-Key makes a retried call answer what the first one created. A task for a hibernated
// cluster wakes it at once.
import { createHash } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { type AuditContext, systemAudit } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordTaskChanges } from "@/lib/cluster/change-feed";
import type { ClusterRecord } from "@/lib/cluster/cluster-record";
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { loadClusterBlueprint } from "@/lib/cluster/load-cluster-blueprint";
import { reactivateCluster } from "@/lib/cluster/reactivate-cluster";
import { db } from "@/lib/db";
import { inIdChunks, inRowSlices } from "@/lib/db/batches";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma, Task as TaskRow } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import {
  IDEMPOTENCY_KEY_RETENTION_MS,
  MAX_TASKS_PER_CALL,
  type SubmitTasksRequest,
  type TaskBatchView,
  type TaskDetailView,
} from "./api-schema";
import { type EncodedTaskRequest, encodeTaskRequests, findTaskRequestProblems } from "./task-request-checks";
import { signalInstances } from "./instance-task-signals";
import { TASK_ATTEMPTS_INCLUDE, toTaskDetailView, toTaskView } from "./task-record";
import { taskSignals } from "./task-signals";

/** The actor of the wake-up a submission to a hibernated cluster causes. */
export const TASKS_ACTOR = "tasks";
const TASKS_PER_STATEMENT = 250;

export interface SubmitTasksOptions {
  audit: AuditContext;
  /** Runs the agents a hibernated cluster wakes. */
  runtime: AgentRuntime;
  idempotencyKey?: string;
  now?: number;
}

/** A single task is answered as the task, a batch as its items. */
export type SubmittedTasks = TaskDetailView | TaskBatchView;

export async function submitTasks(clusterId: string, request: SubmitTasksRequest, options: SubmitTasksOptions): Promise<SubmittedTasks> {
  const now = options.now ?? Date.now();
  const single = !("tasks" in request);
  const key = options.idempotencyKey === undefined ? null : { key: options.idempotencyKey, hash: requestHash(request) };
  if (key) {
    const earlier = await findEarlierSubmission(db, clusterId, key, now);
    if (earlier) return answerEarlierSubmission(earlier);
  }

  const cluster = await findClusterOrThrow(clusterId);
  if (cluster.status === "deleting") throw new ConflictError(`the cluster "${cluster.name}" is being deleted; it takes no tasks`);
  const tasks = encodeTaskRequests(single ? [request] : request.tasks, single);
  const problems = findTaskRequestProblems(tasks, await loadClusterBlueprint(cluster));
  problems.push(...(await findMissingParents(clusterId, tasks)));
  if (problems.length > 0)
    throw new InvalidInputError(
      single
        ? "the task cannot be submitted"
        : `${new Set(problems.map((problem) => problem.path.split(".")[0])).size} of ${tasks.length} tasks cannot be submitted; nothing was stored`,
      problems,
    );

  // The tasks of a batch are a thousandth of a millisecond apart: "oldest first" and "newest first"
  // then keep the order they were sent in, whatever the database breaks ties with.
  const rows = tasks.map((task, index) => taskRow(clusterId, task, options.audit, now + index / MAX_TASKS_PER_CALL));
  const earlier = await db.$transaction(async (tx) => {
    if (key) {
      const earlier = await findEarlierSubmission(tx, clusterId, key, now);
      if (earlier) return earlier;
      await tx.taskSubmission.deleteMany({ where: { clusterId, key: key.key } });
      await tx.taskSubmission.create({
        data: {
          clusterId,
          key: key.key,
          requestHash: key.hash,
          taskIdsJson: JSON.stringify(rows.map((row) => row.id)),
          single,
          createdAt: now,
        },
      });
    }
    await insertTasks(tx, rows);
    await recordTaskChanges(
      tx,
      rows.map((row) => ({ clusterId, taskId: row.id })),
      new Date(now),
    );
    await signalInstances(tx, "claimable", [clusterId]);
    await recordAudit(tx, options.audit, {
      action: "task.submit",
      targetType: "cluster",
      targetId: clusterId,
      summary: `${single ? `submitted task ${rows[0]!.id}` : `submitted ${rows.length} tasks`}${key ? ` (Idempotency-Key ${key.key})` : ""}`,
    });
    return null;
  });
  if (earlier) return answerEarlierSubmission(earlier);

  taskSignals().emit("claimable", clusterId);
  if (cluster.status === "hibernated") await wakeCluster(cluster, options.runtime);
  return single ? { ...toTaskView(rows[0]!), attempts: [] } : { items: rows.map(toTaskView) };
}

/** The same body gives the same hash whatever the order of its known fields: zod's output orders them. */
function requestHash(request: SubmitTasksRequest): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

interface EarlierSubmission {
  taskIds: string[];
  single: boolean;
}

/** The tasks an earlier call with this key created; a key kept for another body is a conflict. */
async function findEarlierSubmission(
  client: Prisma.TransactionClient,
  clusterId: string,
  key: { key: string; hash: string },
  now: number,
): Promise<EarlierSubmission | null> {
  const earlier = await client.taskSubmission.findUnique({ where: { clusterId_key: { clusterId, key: key.key } } });
  // A key older than its retention counts as unused even before pruning removes it.
  if (!earlier || earlier.createdAt < now - IDEMPOTENCY_KEY_RETENTION_MS) return null;
  if (earlier.requestHash !== key.hash)
    throw new ConflictError(
      `the Idempotency-Key "${key.key}" was used for another request to this cluster; use a new key for a new request`,
    );
  return { taskIds: JSON.parse(earlier.taskIdsJson) as string[], single: earlier.single };
}

async function answerEarlierSubmission(earlier: EarlierSubmission): Promise<SubmittedTasks> {
  if (earlier.single) {
    const task = await db.task.findUnique({ where: { id: earlier.taskIds[0]! }, include: TASK_ATTEMPTS_INCLUDE });
    if (!task) throw new NotFoundError("task", earlier.taskIds[0]!);
    return toTaskDetailView(task);
  }
  const rows = await inIdChunks(earlier.taskIds, (ids) => db.task.findMany({ where: { id: { in: ids } } }));
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A task pruned or deleted since is no longer answered.
  return { items: earlier.taskIds.flatMap((id) => (byId.has(id) ? [toTaskView(byId.get(id)!)] : [])) };
}

async function findMissingParents(clusterId: string, tasks: readonly EncodedTaskRequest[]) {
  const parentIds = [...new Set(tasks.flatMap(({ request }) => request.parent_task_id ?? []))];
  const found = new Set(
    (await inIdChunks(parentIds, (ids) => db.task.findMany({ where: { id: { in: ids }, clusterId }, select: { id: true } }))).map(
      (row) => row.id,
    ),
  );
  return tasks.flatMap(({ request, pathPrefix }) =>
    request.parent_task_id === undefined || found.has(request.parent_task_id)
      ? []
      : [{ path: `${pathPrefix}parent_task_id`, message: `no task "${request.parent_task_id}" in this cluster` }],
  );
}

function taskRow(clusterId: string, task: EncodedTaskRequest, audit: AuditContext, now: number): TaskRow {
  const { request } = task;
  return {
    // Version 7: ids grow in the order this process makes them, which breaks ties of priority and
    // age on PostgreSQL (the queue's "oldest first"; SQLite has its rowid).
    id: uuidv7(),
    clusterId,
    inputJson: task.inputJson,
    definition: request.definition ?? null,
    capability: request.capability ?? null,
    priority: request.priority,
    timeoutS: request.timeout_s,
    maxAttempts: request.max_attempts,
    attemptCount: 0,
    lastAttempt: 0,
    parentTaskId: request.parent_task_id ?? null,
    metadataJson: task.metadataJson,
    status: "queued",
    resultJson: null,
    errorJson: null,
    agentId: null,
    leaseExpiresAt: null,
    runAfter: now,
    createdBy: audit.actorEmail,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
  };
}

async function insertTasks(tx: Prisma.TransactionClient, rows: readonly TaskRow[]): Promise<void> {
  await inRowSlices(
    rows,
    TASKS_PER_STATEMENT,
    (row) => [
      row.id,
      row.clusterId,
      row.inputJson,
      row.definition,
      row.capability,
      row.priority,
      row.timeoutS,
      row.maxAttempts,
      row.parentTaskId,
      row.metadataJson,
      row.status,
      row.runAfter,
      row.createdBy,
      row.createdAt,
      row.updatedAt,
    ],
    (values) => tx.$executeRaw`
      INSERT INTO tasks (id, cluster_id, input_json, definition, capability, priority, timeout_s, max_attempts, parent_task_id,
        metadata_json, status, run_after, created_by, created_at, updated_at)
      VALUES ${values}`,
  );
}

/**
 * Wakes a hibernated cluster for its new tasks, as the autoscaler would, to min_workers but at
 * least one worker. The tasks are stored either way: a failed wake is logged, and the autoscaler's
 * next evaluation sees the queue.
 */
async function wakeCluster(cluster: ClusterRecord, runtime: AgentRuntime): Promise<void> {
  const target = Math.min(Math.max(cluster.minWorkers, 1), cluster.maxWorkers);
  try {
    await reactivateCluster(cluster.id, target, { runtime, audit: systemAudit(TASKS_ACTOR), reason: "tasks arrived" });
  } catch (error) {
    logger.warn({ clusterId: cluster.id, err: error }, "a hibernated cluster did not wake for its new tasks");
  }
}
