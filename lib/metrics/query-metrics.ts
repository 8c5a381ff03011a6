// queryMetrics: one metric of one cluster over a time range, as raw points or aggregated per step
// from the per-minute table (so a 30-day chart reads at most 43,200 rows, not millions).
import { db } from "@/lib/db";
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { type Aggregate, epochMinute, foldInto, MINUTE_MS } from "./aggregate";
import type { AggregatedMetricSeries, MetricsQuery, RawMetricSeries } from "./api-schema";

const DEFAULT_RANGE_MS = 60 * 60 * 1000;
/** Raw answers are capped: a longer range asks for a step. */
export const MAX_RAW_POINTS = 10_000;

export async function queryMetrics(
  clusterId: string,
  query: MetricsQuery,
  now = Date.now(),
): Promise<RawMetricSeries | AggregatedMetricSeries> {
  await findClusterOrThrow(clusterId);
  const to = query.to ? Date.parse(query.to) : now;
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_RANGE_MS;
  const range = { name: query.name, from: new Date(from).toISOString(), to: new Date(to).toISOString() };

  if (query.step === undefined) {
    const rows = await db.metricPoint.findMany({
      where: { clusterId, name: query.name, ts: { gte: from, lte: to } },
      orderBy: { ts: "asc" },
      take: MAX_RAW_POINTS,
      select: { ts: true, value: true },
    });
    return { ...range, points: rows.map((row) => ({ ts: new Date(row.ts).toISOString(), value: row.value })) };
  }

  const stepMinutes = query.step / 60;
  const rows = await db.metricMinute.findMany({
    where: { clusterId, name: query.name, minute: { gte: epochMinute(from), lte: epochMinute(to) } },
    orderBy: { minute: "asc" },
  });
  const steps = new Map<number, Aggregate>();
  for (const row of rows) foldInto(steps, Math.floor(row.minute / stepMinutes) * stepMinutes, row);
  return {
    ...range,
    step: query.step,
    points: [...steps.entries()].map(([minute, step]) => ({
      ts: new Date(minute * MINUTE_MS).toISOString(),
      avg: step.sum / step.count,
      min: step.min,
      max: step.max,
      count: step.count,
    })),
  };
}
