// ingestMetrics: a batch of points for one cluster, stored raw and folded into per-minute
// aggregates in one transaction. The whole batch is checked first: a bad point stores nothing.
import { db } from "@/lib/db";
import { findClusterOrThrow } from "@/lib/cluster/cluster-store";
import { InvalidInputError } from "@/lib/errors";
import { CLOCK_SKEW_MS, type IngestMetricsRequest, RAW_RETENTION_MS } from "./api-schema";
import { type Aggregate, aggregateOf, epochMinute, foldInto } from "./aggregate";
import { pruneMetricsNow } from "./prune-metrics";

/** SQLite allows 32,766 bound parameters; five per raw row keeps a statement well below. */
const ROWS_PER_STATEMENT = 1000;

interface StoredPoint {
  name: string;
  value: number;
  ts: number;
}

export async function ingestMetrics(clusterId: string, request: IngestMetricsRequest, now = Date.now()): Promise<{ accepted: number }> {
  const points = request.points.map((point): StoredPoint => ({ name: point.name, value: point.value, ts: point.ts === undefined ? now : Date.parse(point.ts) }));
  const problems = points.flatMap((point, index) => {
    if (point.ts > now + CLOCK_SKEW_MS) return [{ path: `points[${index}].ts`, message: `lies ${Math.round((point.ts - now) / 1000)} s in the future; at most ${CLOCK_SKEW_MS / 1000} s of clock skew is allowed` }];
    if (point.ts < now - RAW_RETENTION_MS) return [{ path: `points[${index}].ts`, message: "is older than the 24 hours metrics are kept" }];
    return [];
  });
  if (problems.length > 0) throw new InvalidInputError(`${problems.length} point${problems.length === 1 ? "" : "s"} cannot be stored; nothing was stored`, problems);

  await findClusterOrThrow(clusterId);

  const minutes = new Map<string, Aggregate>();
  for (const point of points) foldInto(minutes, `${point.name}@${epochMinute(point.ts)}`, aggregateOf(point.value));

  await db.$transaction(async (tx) => {
    for (let start = 0; start < points.length; start += ROWS_PER_STATEMENT) {
      const chunk = points.slice(start, start + ROWS_PER_STATEMENT);
      await tx.$executeRawUnsafe(
        `INSERT INTO metric_points (cluster_id, name, value, ts) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
        ...chunk.flatMap((point) => [clusterId, point.name, point.value, point.ts]),
      );
    }
    const buckets = [...minutes.entries()].map(([key, aggregate]) => {
      const [name, minute] = key.split("@") as [string, string];
      return { name, minute: Number(minute), ...aggregate };
    });
    for (let start = 0; start < buckets.length; start += ROWS_PER_STATEMENT) {
      const chunk = buckets.slice(start, start + ROWS_PER_STATEMENT);
      // Portable upsert (SQLite and PostgreSQL): CASE instead of the scalar MIN/MAX only SQLite has.
      await tx.$executeRawUnsafe(
        `INSERT INTO metric_minutes (cluster_id, name, minute, count, sum, min, max) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}
         ON CONFLICT (cluster_id, name, minute) DO UPDATE SET
           count = metric_minutes.count + excluded.count,
           sum = metric_minutes.sum + excluded.sum,
           min = CASE WHEN excluded.min < metric_minutes.min THEN excluded.min ELSE metric_minutes.min END,
           max = CASE WHEN excluded.max > metric_minutes.max THEN excluded.max ELSE metric_minutes.max END`,
        ...chunk.flatMap((bucket) => [clusterId, bucket.name, bucket.minute, bucket.count, bucket.sum, bucket.min, bucket.max]),
      );
    }
  });
  await pruneMetricsNow(now);
  return { accepted: points.length };
}
