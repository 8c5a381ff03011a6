// storeMetricPoints: writes points of any clusters in one transaction: the raw rows, the
// per-minute aggregates and the newest value per series. Shared by ingestion (posted points) and
// by the autoscaler's own collection (collected points), which the newest value tells apart. The
// statements are portable (SQLite and PostgreSQL): CASE instead of the scalar MIN/MAX only SQLite has.
import { inRowSlices } from "@/lib/db/batches";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Aggregate, aggregateOf, epochMinute, foldInto } from "./aggregate";

/** SQLite allows 32,766 bound parameters; at most seven per row keeps a statement well below. */
const ROWS_PER_STATEMENT = 1000;
/** Joins the parts of a map key; ids and names never contain it. */
const KEY_SEPARATOR = "\u0000";

export interface StoredPoint {
  clusterId: string;
  name: string;
  value: number;
  /** Epoch milliseconds. */
  ts: number;
}

/** Posted through the metrics API, or collected by the autoscaler from the database. */
export type PointOrigin = "posted" | "collected";

interface Latest {
  value: number;
  ts: number;
  firstTs: number;
  lastNonZeroTs: number | null;
  postedTs: number | null;
}

export async function storeMetricPoints(
  tx: Prisma.TransactionClient,
  points: readonly StoredPoint[],
  { origin }: { origin: PointOrigin },
): Promise<void> {
  const minutes = new Map<string, Aggregate>();
  const latest = new Map<string, Latest & { clusterId: string; name: string }>();
  for (const point of points) {
    foldInto(minutes, [point.clusterId, point.name, epochMinute(point.ts)].join(KEY_SEPARATOR), aggregateOf(point.value));
    const seriesKey = point.clusterId + KEY_SEPARATOR + point.name;
    const series = latest.get(seriesKey);
    const nonZero = point.value !== 0 ? point.ts : null;
    const posted = origin === "posted" ? point.ts : null;
    if (!series) {
      latest.set(seriesKey, {
        clusterId: point.clusterId,
        name: point.name,
        value: point.value,
        ts: point.ts,
        firstTs: point.ts,
        lastNonZeroTs: nonZero,
        postedTs: posted,
      });
      continue;
    }
    if (point.ts >= series.ts) Object.assign(series, { value: point.value, ts: point.ts });
    series.firstTs = Math.min(series.firstTs, point.ts);
    if (nonZero !== null) series.lastNonZeroTs = Math.max(series.lastNonZeroTs ?? nonZero, nonZero);
    if (posted !== null) series.postedTs = Math.max(series.postedTs ?? posted, posted);
  }

  await inRowSlices(
    points,
    ROWS_PER_STATEMENT,
    (point) => [point.clusterId, point.name, point.value, point.ts],
    (values) => tx.$executeRaw`INSERT INTO metric_points (cluster_id, name, value, ts) VALUES ${values}`,
  );
  const buckets = [...minutes.entries()].map(([key, aggregate]) => {
    const [clusterId, name, minute] = key.split(KEY_SEPARATOR) as [string, string, string];
    return { clusterId, name, minute: Number(minute), ...aggregate };
  });
  await inRowSlices(
    buckets,
    ROWS_PER_STATEMENT,
    (bucket) => [bucket.clusterId, bucket.name, bucket.minute, bucket.count, bucket.sum, bucket.min, bucket.max],
    (values) =>
      tx.$executeRaw`INSERT INTO metric_minutes (cluster_id, name, minute, count, sum, min, max) VALUES ${values}
       ON CONFLICT (cluster_id, name, minute) DO UPDATE SET
         count = metric_minutes.count + excluded.count,
         sum = metric_minutes.sum + excluded.sum,
         min = CASE WHEN excluded.min < metric_minutes.min THEN excluded.min ELSE metric_minutes.min END,
         max = CASE WHEN excluded.max > metric_minutes.max THEN excluded.max ELSE metric_minutes.max END`,
  );
  // A late point never replaces a newer value; SET reads the row as it was before the update.
  await inRowSlices(
    [...latest.values()],
    ROWS_PER_STATEMENT,
    (series) => [series.clusterId, series.name, series.value, series.ts, series.firstTs, series.lastNonZeroTs, series.postedTs],
    (values) =>
      tx.$executeRaw`INSERT INTO metric_latest (cluster_id, name, value, ts, first_ts, last_nonzero_ts, posted_ts) VALUES ${values}
       ON CONFLICT (cluster_id, name) DO UPDATE SET
         value = CASE WHEN excluded.ts >= metric_latest.ts THEN excluded.value ELSE metric_latest.value END,
         ts = CASE WHEN excluded.ts >= metric_latest.ts THEN excluded.ts ELSE metric_latest.ts END,
         first_ts = CASE WHEN excluded.first_ts < metric_latest.first_ts THEN excluded.first_ts ELSE metric_latest.first_ts END,
         last_nonzero_ts = CASE
           WHEN metric_latest.last_nonzero_ts IS NULL OR excluded.last_nonzero_ts > metric_latest.last_nonzero_ts THEN COALESCE(excluded.last_nonzero_ts, metric_latest.last_nonzero_ts)
           ELSE metric_latest.last_nonzero_ts END,
         posted_ts = CASE
           WHEN metric_latest.posted_ts IS NULL OR excluded.posted_ts > metric_latest.posted_ts THEN COALESCE(excluded.posted_ts, metric_latest.posted_ts)
           ELSE metric_latest.posted_ts END`,
  );
}
