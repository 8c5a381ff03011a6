// Retention: raw points for 24 hours, per-minute aggregates for 30 days. Pruned as part of
// ingestion and of the autoscaler's tick, at most once a minute per process, so no separate job
// is needed.
import { db } from "@/lib/db";
import { atMostEvery } from "@/lib/throttle";
import { epochMinute } from "./aggregate";
import { MINUTE_RETENTION_MS, RAW_RETENTION_MS } from "./api-schema";

export async function pruneMetrics(now = Date.now()): Promise<{ points: number; minutes: number }> {
  const points = await db.metricPoint.deleteMany({ where: { ts: { lt: now - RAW_RETENTION_MS } } });
  const minutes = await db.metricMinute.deleteMany({ where: { minute: { lt: epochMinute(now - MINUTE_RETENTION_MS) } } });
  // Series nobody has written to for a day: mostly those of deleted clusters.
  await db.metricLatest.deleteMany({ where: { ts: { lt: now - RAW_RETENTION_MS } } });
  return { points: points.count, minutes: minutes.count };
}

/** pruneMetrics, unless it ran less than a minute ago in this process. */
export const pruneMetricsNow = atMostEvery(60_000, pruneMetrics);
