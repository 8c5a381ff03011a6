// listTasks: a cluster's tasks, newest first, filtered by status, routing, agent or age, a page at a
// time (without their attempts; GET /api/tasks/{id} has them).
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, toPage } from "@/lib/shapes/pagination";
import { type ListTasksQuery, TASK_COUNT_CAP, type TaskPage } from "./api-schema";
import { toTaskView } from "./task-record";

export async function listTasks(clusterId: string, query: ListTasksQuery): Promise<TaskPage> {
  await findClusterOrThrow(clusterId);
  const where = conditionsOf(clusterId, query);
  const { skip, take } = pageWindow(query);
  // Raw SQL, for the count: Prisma's count with `take` sorts every matching row by id before it
  // stops, which at a million rows costs what the cap is there to save.
  const [page, counted] = await db.$transaction([
    db.$queryRaw<Array<{ id: string }>>`SELECT id FROM tasks WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${take} OFFSET ${skip}`,
    db.$queryRaw<Array<{ total: number | bigint }>>`
      SELECT COUNT(*) AS total FROM (SELECT 1 FROM tasks WHERE ${where} LIMIT ${TASK_COUNT_CAP + 1}) AS capped`,
  ]);
  const rows = new Map((await db.task.findMany({ where: { id: { in: page.map((row) => row.id) } } })).map((row) => [row.id, row]));
  const total = Number(counted[0]?.total ?? 0);
  const items = page.flatMap(({ id }) => (rows.has(id) ? [toTaskView(rows.get(id)!)] : []));
  return { ...toPage(items, Math.min(total, TASK_COUNT_CAP), query), total_capped: total > TASK_COUNT_CAP };
}

/** The query's filters as one SQL condition, shared by the page and its count; each has an index that leads with it. */
function conditionsOf(clusterId: string, query: ListTasksQuery): Prisma.Sql {
  const equal: Array<[column: string, value: string | undefined]> = [
    ["cluster_id", clusterId],
    ["status", query.status],
    ["definition", query.definition],
    ["capability", query.capability],
    ["agent_id", query.agent_id],
  ];
  const conditions = equal.flatMap(([column, value]) => (value === undefined ? [] : [Prisma.sql`${Prisma.raw(column)} = ${value}`]));
  if (query.since !== undefined) conditions.push(Prisma.sql`created_at >= ${Date.parse(query.since)}`);
  return Prisma.join(conditions, " AND ");
}
