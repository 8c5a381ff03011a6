// retryTask: an operator queues a dead or cancelled task again, with a fresh count of attempts
// (its earlier attempts stay in its history; their numbering continues).
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordTaskChanges } from "@/lib/cluster/change-feed";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { TaskDetailView } from "./api-schema";
import { signalInstances } from "./instance-task-signals";
import { parseTaskStatus, TASK_ATTEMPTS_INCLUDE, toTaskDetailView } from "./task-record";
import { taskSignals } from "./task-signals";

export async function retryTask(taskId: string, options: { audit: AuditContext; now?: number }): Promise<TaskDetailView> {
  const now = options.now ?? Date.now();
  const task = await db.$transaction(async (tx) => {
    const found = await tx.task.findUnique({ where: { id: taskId }, select: { status: true, clusterId: true } });
    if (!found) throw new NotFoundError("task", taskId);
    const status = parseTaskStatus(found.status);
    if (status !== "dead" && status !== "cancelled")
      throw new ConflictError(`the task is ${status}; only a dead or cancelled task can be retried`);
    const { count } = await tx.task.updateMany({
      where: { id: taskId, status },
      data: {
        status: "queued",
        attemptCount: 0,
        agentId: null,
        resultJson: null,
        errorJson: null,
        leaseExpiresAt: null,
        runAfter: now,
        finishedAt: null,
        updatedAt: now,
      },
    });
    if (count === 0) throw new ConflictError("the task changed while it was being retried; read it again");
    await recordTaskChanges(tx, [{ clusterId: found.clusterId, taskId }], new Date(now));
    await signalInstances(tx, "claimable", [found.clusterId]);
    await recordAudit(tx, options.audit, {
      action: "task.retry",
      targetType: "task",
      targetId: taskId,
      summary: `queued a ${status} task of cluster ${found.clusterId} again`,
    });
    return tx.task.findUniqueOrThrow({ where: { id: taskId }, include: TASK_ATTEMPTS_INCLUDE });
  });
  taskSignals().emit("claimable", task.clusterId);
  return toTaskDetailView(task);
}
