// listTasks: a cluster's tasks, newest first, filtered by status, routing, agent or age, a page at a
// time (without their attempts; GET /api/tasks/{id} has them).
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Page, pageWindow, toPage } from "@/lib/shapes/pagination";
import type { ListTasksQuery, TaskView } from "./api-schema";
import { toTaskView } from "./task-record";

export async function listTasks(clusterId: string, query: ListTasksQuery): Promise<Page<TaskView>> {
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
    db.task.count({ where }),
  ]);
  return toPage(rows.map(toTaskView), total, query);
}
