// The process's task queue: the dispatcher and the task services share this one instance. Kept on
// globalThis because Next.js may load this module in several bundles of one process.
import { db } from "@/lib/db";
import { SqliteTaskQueue } from "./sqlite-task-queue";
import type { TaskQueue } from "./task-queue";

const globalForQueue = globalThis as unknown as { taskQueue?: TaskQueue };

export function taskQueueForProcess(): TaskQueue {
  globalForQueue.taskQueue ??= new SqliteTaskQueue(db);
  return globalForQueue.taskQueue;
}
