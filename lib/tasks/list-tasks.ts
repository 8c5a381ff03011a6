// listTasks: a cluster's tasks, newest first, filtered by status, routing, agent or age, a page at a
// time (without their attempts; GET /api/tasks/{id} has them).
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, toPage } from "@/lib/shapes/pagination";
import { type ListTasksQuery, TASK_COUNT_CAP, type TaskPage } from "./api-schema";
import { toTaskView } from "./task-record";

export async function listTasks(clusterId: string, query: ListTasksQuery): Promise<TaskPage> {
  await findClusterOrThrow(clusterId);
  const where: Prisma.TaskWhereInput = {
    clusterId,
    status: query.status,
    definition: query.definition,
    capability: query.capability,
    agentId: query.agent_id,
    createdAt: query.since === undefined ? undefined : { gte: Date.parse(query.since) },
  };
  const [rows, total] = await db.$transaction([
    db.task.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageWindow(query) }),
    // Counting a million rows costs more than reading the page: the count stops past the cap.
    db.task.count({ where, take: TASK_COUNT_CAP + 1 }),
  ]);
  return { ...toPage(rows.map(toTaskView), Math.min(total, TASK_COUNT_CAP), query), total_capped: total > TASK_COUNT_CAP };
}
