// refreshHealthScores: a cluster's health_score is the share of its task attempts that succeeded
// over the last few minutes (1 with no finished attempt), so failing executions show on the
// cluster at once. Only changed scores are written, each with a change-feed row for open tabs.
import { db } from "@/lib/db";
import { recordClusterChange } from "./change-feed";

export const HEALTH_WINDOW_MS = 5 * 60_000;
/** Smaller moves are not worth a write and a live update. */
const HEALTH_STEP = 0.01;

export async function refreshHealthScores(clusterIds: readonly string[], now = Date.now()): Promise<number> {
  if (clusterIds.length === 0) return 0;
  const [groups, clusters] = await Promise.all([
    db.taskAttempt.groupBy({
      by: ["clusterId", "outcome"],
      where: {
        clusterId: { in: [...clusterIds] },
        endedAt: { gte: now - HEALTH_WINDOW_MS },
        outcome: { in: ["succeeded", "failed", "lost"] },
      },
      _count: { _all: true },
    }),
    db.cluster.findMany({ where: { id: { in: [...clusterIds] } }, select: { id: true, healthScore: true } }),
  ]);
  const tally = new Map<string, { succeeded: number; total: number }>();
  for (const group of groups) {
    const entry = tally.get(group.clusterId) ?? { succeeded: 0, total: 0 };
    entry.total += group._count._all;
    if (group.outcome === "succeeded") entry.succeeded += group._count._all;
    tally.set(group.clusterId, entry);
  }
  const changed = clusters.flatMap((cluster) => {
    const entry = tally.get(cluster.id);
    const score = entry && entry.total > 0 ? Math.round((entry.succeeded / entry.total) * 100) / 100 : 1;
    return Math.abs(score - cluster.healthScore) >= HEALTH_STEP ? [{ id: cluster.id, score }] : [];
  });
  if (changed.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const { id, score } of changed) {
      await tx.cluster.update({ where: { id }, data: { healthScore: score } });
      await recordClusterChange(tx, id);
    }
  });
  return changed.length;
}
