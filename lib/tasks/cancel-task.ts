// cancelTask: an operator stops a task that is not final (queued, running, or failed and waiting
// for its next attempt). A running attempt ends `cancelled` and its agent is told to abort; the
// agent's later completion is refused, since it no longer holds the lease.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordTaskChanges } from "@/lib/cluster/change-feed";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { TaskDetailView } from "./api-schema";
import { signalInstances } from "./instance-task-signals";
import { parseTaskStatus, TASK_ATTEMPTS_INCLUDE, toTaskDetailView } from "./task-record";
import { taskSignals } from "./task-signals";
import { isTaskMoveAllowed } from "./task-status";

export async function cancelTask(taskId: string, options: { audit: AuditContext; now?: number }): Promise<TaskDetailView> {
  const now = options.now ?? Date.now();
  const { task, wasRunning } = await db.$transaction(async (tx) => {
    const found = await tx.task.findUnique({ where: { id: taskId }, select: { status: true, clusterId: true } });
    if (!found) throw new NotFoundError("task", taskId);
    const status = parseTaskStatus(found.status);
    if (!isTaskMoveAllowed(status, "cancelled"))
      throw new ConflictError(`the task is already ${status}; only a queued, running or failed task can be cancelled`);
    const wasRunning = status === "running";
    // Conditional on the status just read, so a completion in between cannot be overwritten.
    const { count } = await tx.task.updateMany({
      where: { id: taskId, status },
      data: { status: "cancelled", finishedAt: now, updatedAt: now, leaseExpiresAt: null },
    });
    if (count === 0) throw new ConflictError("the task changed while it was being cancelled; read it again");
    if (wasRunning)
      await tx.taskAttempt.updateMany({ where: { taskId, outcome: "running" }, data: { outcome: "cancelled", endedAt: now } });
    await recordTaskChanges(tx, [{ clusterId: found.clusterId, taskId }], new Date(now));
    // The agent running it may be another instance's; long polls may wait on any instance.
    if (wasRunning) await signalInstances(tx, "cancel", [taskId]);
    await signalInstances(tx, "finished", [taskId]);
    await recordAudit(tx, options.audit, {
      action: "task.cancel",
      targetType: "task",
      targetId: taskId,
      summary: `cancelled a ${status} task of cluster ${found.clusterId}`,
    });
    return { task: await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: TASK_ATTEMPTS_INCLUDE }), wasRunning };
  });
  if (wasRunning) taskSignals().emit("cancel", taskId);
  taskSignals().emit("finished", taskId);
  return toTaskDetailView(task);
}
