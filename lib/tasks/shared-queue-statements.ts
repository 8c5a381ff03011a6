// The statements both queues (sqlite-task-queue.ts, postgres-task-queue.ts) run word for word:
// standard SQL that reads and writes the same on either database.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TaskLease } from "./task-queue";

/** Keeps the executor's id for the attempt on the lease holder's running attempt, and on nothing else. */
export async function recordExecutorRefOn(db: PrismaClient, lease: TaskLease, executorRef: string): Promise<void> {
  await db.$executeRaw`
    UPDATE task_attempts SET executor_ref = ${executorRef}
    WHERE task_id = ${lease.taskId} AND number = ${lease.attempt} AND agent_id = ${lease.agentId} AND outcome = 'running'`;
}

/** Whether any running task's lease ran out by `now`: a read, so an idle sweep opens no transaction. */
export async function anyLeaseDue(db: PrismaClient, now: number): Promise<boolean> {
  return (await db.$queryRaw<unknown[]>`SELECT 1 FROM tasks WHERE status = 'running' AND lease_expires_at <= ${now} LIMIT 1`).length > 0;
}
