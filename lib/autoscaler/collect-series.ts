// The series the autoscaler records itself at each evaluation, from the database: workers
// active, starting and failed, and the health score.
import { db } from "@/lib/db";
import { inIdChunks } from "@/lib/db/batches";
import type { StoredPoint } from "@/lib/metrics/store-points";

export interface CollectedCluster {
  id: string;
  healthScore: number;
}

/** The worker statuses counted, each as the series `workers_<status>`. */
const COUNTED_STATUSES = ["active", "starting", "failed"] as const;

export async function collectSeries(clusters: readonly CollectedCluster[], now: number): Promise<StoredPoint[]> {
  const counts = await inIdChunks(
    clusters.map((cluster) => cluster.id),
    (ids) =>
      db.agent.groupBy({
        by: ["clusterId", "status"],
        where: { clusterId: { in: ids }, role: "worker", status: { in: [...COUNTED_STATUSES] } },
        _count: { _all: true },
      }),
  );
  const countOf = new Map(counts.map((row) => [`${row.clusterId}/${row.status}`, row._count._all]));
  return clusters.flatMap((cluster) => [
    ...COUNTED_STATUSES.map((status) => ({
      clusterId: cluster.id,
      name: `workers_${status}`,
      value: countOf.get(`${cluster.id}/${status}`) ?? 0,
      ts: now,
    })),
    { clusterId: cluster.id, name: "health_score", value: cluster.healthScore, ts: now },
  ]);
}
