// findTaskViews: the current views (without attempts) of the tasks that still exist among some ids.
import { db } from "@/lib/db";
import { inIdChunks } from "@/lib/db/batches";
import type { TaskView } from "./api-schema";
import { toTaskView } from "./task-record";

export async function findTaskViews(ids: readonly string[]): Promise<TaskView[]> {
  return (await inIdChunks(ids, (chunk) => db.task.findMany({ where: { id: { in: chunk } } }))).map(toTaskView);
}
