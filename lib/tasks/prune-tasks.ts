// Retention: tasks finished more than TASK_RETENTION_DAYS ago go, their attempts with them (by
// cascade), and Idempotency-Keys after a day. Deleted a slice at a time, so a large backlog never
// holds the database (and this process, which waits for SQLite synchronously) for long.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { atMostEvery } from "@/lib/throttle";
import { IDEMPOTENCY_KEY_RETENTION_MS } from "./api-schema";

const TASKS_PER_SLICE = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function pruneTasks(
  now = Date.now(),
  retentionDays = env.TASK_RETENTION_DAYS,
): Promise<{ tasks: number; submissions: number }> {
  const finishedBefore = now - retentionDays * DAY_MS;
  let tasks = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM tasks WHERE id IN (SELECT id FROM tasks WHERE finished_at < ${finishedBefore} LIMIT ${TASKS_PER_SLICE})`;
    tasks += deleted;
    if (deleted < TASKS_PER_SLICE) break;
    // Lets requests waiting behind the deletion through between slices.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const submissions = await db.taskSubmission.deleteMany({ where: { createdAt: { lt: now - IDEMPOTENCY_KEY_RETENTION_MS } } });
  return { tasks, submissions: submissions.count };
}

/** pruneTasks, unless it ran less than a minute ago in this process. */
export const pruneTasksNow = atMostEvery(60_000, (now) => pruneTasks(now));
