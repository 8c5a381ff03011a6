// The task metrics the autoscaler records at each evaluation (computeTaskMetrics), and the rule
// between a computed value and a posted one: the posted point wins while it is the series' newest
// and still fresh.
import { db } from "@/lib/db";
import { inIdChunks } from "@/lib/db/batches";
import { TASK_METRICS } from "@/lib/metrics/api-schema";
import { type ClusterTaskMetrics, computeTaskMetrics } from "@/lib/metrics/compute-task-metrics";
import type { StoredPoint } from "@/lib/metrics/store-points";

export interface TaskMetricsCluster {
  id: string;
  /** How long a value of this cluster counts as fresh for its decisions (freshForMs). */
  freshForMs: number;
}

export interface CollectedTaskMetrics {
  /** The computed values to store, at the evaluation's time. */
  points: StoredPoint[];
  /** What each cluster's tasks showed, stored or not: the idle clock reads the work in hand. */
  computed: Map<string, ClusterTaskMetrics>;
}

interface LatestOfSeries {
  ts: number;
  postedTs: number | null;
}

/**
 * A posted value stands when the series' newest point is a posted one (the newest posted time is
 * the series' newest time: a tie goes to the posted point) and it is fresh: the computed value is
 * then not stored, and the decision reads the posted one. Otherwise the computed value is stored
 * at the evaluation's time and is the newest until a point posted with a later time arrives; a
 * posted point older than it only fills in the chart's history.
 */
function isPostedValueStanding(latest: LatestOfSeries | undefined, now: number, freshForMs: number): boolean {
  return latest !== undefined && latest.postedTs !== null && latest.postedTs >= latest.ts && now - latest.ts <= freshForMs;
}

export async function collectTaskMetrics(clusters: readonly TaskMetricsCluster[], now: number): Promise<CollectedTaskMetrics> {
  const ids = clusters.map((cluster) => cluster.id);
  const computed = await computeTaskMetrics(ids, now);
  const latestRows = await inIdChunks(ids, (chunk) =>
    db.metricLatest.findMany({
      where: { clusterId: { in: chunk }, name: { in: [...TASK_METRICS] } },
      select: { clusterId: true, name: true, ts: true, postedTs: true },
    }),
  );
  const latest = new Map(latestRows.map((row) => [`${row.clusterId}/${row.name}`, row]));
  const points = clusters.flatMap((cluster) => {
    const { values } = computed.get(cluster.id)!;
    return TASK_METRICS.flatMap((name): StoredPoint[] => {
      const value = values[name];
      if (value === null || isPostedValueStanding(latest.get(`${cluster.id}/${name}`), now, cluster.freshForMs)) return [];
      return [{ clusterId: cluster.id, name, value, ts: now }];
    });
  });
  return { points, computed };
}
