// Retention: raw points for 24 hours, per-minute aggregates for 30 days. Pruned as part of
// ingestion, at most once a minute per process, so no separate job is needed.
import { db } from "@/lib/db";
import { MINUTE_RETENTION_MS, RAW_RETENTION_MS } from "./api-schema";

const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

export async function pruneMetrics(now = Date.now()): Promise<{ points: number; minutes: number }> {
  const points = await db.metricPoint.deleteMany({ where: { ts: { lt: now - RAW_RETENTION_MS } } });
  const minutes = await db.metricMinute.deleteMany({ where: { minute: { lt: Math.floor((now - MINUTE_RETENTION_MS) / 60_000) } } });
  return { points: points.count, minutes: minutes.count };
}

/** pruneMetrics, unless it ran less than a minute ago in this process. */
export async function pruneMetricsNow(now: number): Promise<void> {
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  await pruneMetrics(now);
}
