// getTask: one task with its attempts. With `waitS` it is a long poll: the answer waits until the
// task is final or the time is up, woken at once in this process by the "finished" signal, and
// reading the database as a backstop for changes made elsewhere (another process, a script).
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { TaskDetailView } from "./api-schema";
import { TASK_ATTEMPTS_INCLUDE, toTaskDetailView } from "./task-record";
import { taskSignals } from "./task-signals";
import { isFinalTaskStatus } from "./task-status";

/** How often a long poll reads the task when no signal came: rarely enough for many waiting callers. */
export const WAIT_BACKSTOP_MS = 500;

export interface GetTaskOptions {
  /** Hold the answer up to this many seconds until the task is final. */
  waitS?: number;
  /** The caller went away: answer now. */
  signal?: AbortSignal;
}

export async function getTask(taskId: string, options: GetTaskOptions = {}): Promise<TaskDetailView> {
  const deadline = Date.now() + (options.waitS ?? 0) * 1000;
  for (;;) {
    const row = await db.task.findUnique({ where: { id: taskId }, include: TASK_ATTEMPTS_INCLUDE });
    if (!row) throw new NotFoundError("task", taskId);
    const task = toTaskDetailView(row);
    const left = deadline - Date.now();
    if (isFinalTaskStatus(task.status) || left <= 0 || options.signal?.aborted) return task;
    await nextNewsOf(taskId, Math.min(left, WAIT_BACKSTOP_MS), options.signal);
  }
}

/** Resolves when the task finishes in this process, after `ms`, or when the caller goes away. */
function nextNewsOf(taskId: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const signals = taskSignals();
    const done = () => {
      clearTimeout(timer);
      signals.off("finished", onFinished);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const onFinished = (finished: string) => {
      if (finished === taskId) done();
    };
    const timer = setTimeout(done, ms);
    signals.on("finished", onFinished);
    signal?.addEventListener("abort", done, { once: true });
  });
}
