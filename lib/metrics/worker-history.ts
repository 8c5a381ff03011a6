// workerHistory: active workers per minute for many clusters at once, for the list's sparklines;
// read from the per-minute aggregates the autoscaler's collection fills.
import { db } from "@/lib/db";
import type { WorkerHistory, WorkerHistoryQuery } from "./api-schema";
import { epochMinute, MINUTE_MS } from "./aggregate";

export async function workerHistory(query: WorkerHistoryQuery, now = Date.now()): Promise<WorkerHistory> {
  const rows = await db.metricMinute.findMany({
    where: { clusterId: { in: query.ids }, name: "workers_active", minute: { gte: epochMinute(now) - query.minutes + 1 } },
    orderBy: { minute: "asc" },
    select: { clusterId: true, minute: true, sum: true, count: true },
  });
  return {
    minutes: query.minutes,
    series: query.ids.map((clusterId) => ({
      cluster_id: clusterId,
      points: rows
        .filter((row) => row.clusterId === clusterId)
        .map((row) => ({ ts: new Date(row.minute * MINUTE_MS).toISOString(), value: row.sum / row.count })),
    })),
  };
}
