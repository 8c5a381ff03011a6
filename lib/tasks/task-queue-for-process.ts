// The process's task queue: the dispatcher and the task services share this one instance. Kept on
// globalThis because Next.js may load this module in several bundles of one process.
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PostgresTaskQueue } from "./postgres-task-queue";
import { SqliteTaskQueue } from "./sqlite-task-queue";
import type { TaskQueue } from "./task-queue";

const globalForQueue = globalThis as unknown as { taskQueue?: TaskQueue };

/** A queue on `client`, in the dialect of the process's database (tests and benchmarks make their own). */
export function createTaskQueue(client: PrismaClient = db): TaskQueue {
  return isPostgres ? new PostgresTaskQueue(client) : new SqliteTaskQueue(client);
}

export function taskQueueForProcess(): TaskQueue {
  globalForQueue.taskQueue ??= createTaskQueue();
  return globalForQueue.taskQueue;
}
