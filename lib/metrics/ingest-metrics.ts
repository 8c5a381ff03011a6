// ingestMetrics: a batch of points for one cluster, stored in one transaction (storeMetricPoints).
// The whole batch is checked first: a bad point stores nothing.
import { db } from "@/lib/db";
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { InvalidInputError } from "@/lib/errors";
import { CLOCK_SKEW_MS, type IngestMetricsRequest, RAW_RETENTION_MS } from "./api-schema";
import { pruneMetricsNow } from "./prune-metrics";
import { type StoredPoint, storeMetricPoints } from "./store-points";

export async function ingestMetrics(clusterId: string, request: IngestMetricsRequest, now = Date.now()): Promise<{ accepted: number }> {
  const points = request.points.map((point): StoredPoint => ({
    clusterId,
    name: point.name,
    value: point.value,
    ts: point.ts === undefined ? now : Date.parse(point.ts),
  }));
  const problems = points.flatMap((point, index) => {
    if (point.ts > now + CLOCK_SKEW_MS)
      return [
        {
          path: `points[${index}].ts`,
          message: `lies ${Math.round((point.ts - now) / 1000)} s in the future; at most ${CLOCK_SKEW_MS / 1000} s of clock skew is allowed`,
        },
      ];
    if (point.ts < now - RAW_RETENTION_MS) return [{ path: `points[${index}].ts`, message: "is older than the 24 hours metrics are kept" }];
    return [];
  });
  if (problems.length > 0)
    throw new InvalidInputError(
      `${problems.length} point${problems.length === 1 ? "" : "s"} cannot be stored; nothing was stored`,
      problems,
    );

  await findClusterOrThrow(clusterId);

  await db.$transaction((tx) => storeMetricPoints(tx, points, { origin: "posted" }));
  await pruneMetricsNow(now);
  return { accepted: points.length };
}
