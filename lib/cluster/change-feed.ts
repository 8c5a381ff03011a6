// The live-update feed: every committed change of a cluster or its agents appends a row, and the
// event stream reads the rows after the last one a client saw. Rows in the database (not an
// in-process emitter) make changes by scripts, other server instances and the autoscaler reach
// every open tab, and let a reconnecting client resume from its Last-Event-ID.
import { db } from "@/lib/db";
import { inRowSlices } from "@/lib/db/batches";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Rows older than this are pruned; a client that was away longer refetches everything instead. */
export const CHANGE_RETENTION_MS = 60 * 60 * 1000;
const CHANGES_PER_STATEMENT = 500;
/** The most rows one read of the feed returns; a reader that gets this many reads again at once. */
export const CHANGES_PER_READ = 500;

export interface ClusterChangeNotice {
  id: number;
  clusterId: string;
  deleted: boolean;
  /** Who deleted it, on a deletion row (null when the server removed it itself). */
  actor: string | null;
  /** Set when a task of the cluster changed status rather than the cluster itself. */
  taskId: string | null;
}

/** Appends a change row; call it inside the transaction that makes the change. */
export async function recordClusterChange(
  tx: Prisma.TransactionClient,
  clusterId: string,
  options: { deleted?: boolean; actor?: string } = {},
): Promise<void> {
  await tx.clusterChange.create({ data: { clusterId, deleted: options.deleted ?? false, actor: options.actor ?? null } });
}

/**
 * Appends one row per task that changed status, in the caller's transaction: one multi-row
 * statement per slice, as a claim or a completion changes hundreds at once.
 */
export async function recordTaskChanges(
  tx: Prisma.TransactionClient,
  changes: ReadonlyArray<{ clusterId: string; taskId: string }>,
  now = new Date(),
): Promise<void> {
  await inRowSlices(
    changes,
    CHANGES_PER_STATEMENT,
    (change) => [change.clusterId, change.taskId, now],
    (values) => tx.$executeRaw`INSERT INTO cluster_changes (cluster_id, task_id, created_at) VALUES ${values}`,
  );
}

/**
 * Removes a cluster (its agents and events go with it) and tells the feed, in the caller's
 * transaction; the feed names who removed it, so a tab still showing it can say so.
 */
export async function removeCluster(tx: Prisma.TransactionClient, clusterId: string, actor?: string): Promise<void> {
  await tx.cluster.deleteMany({ where: { id: clusterId } });
  await recordClusterChange(tx, clusterId, { deleted: true, actor });
}

export async function latestChangeId(): Promise<number> {
  const latest = await db.clusterChange.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return latest?.id ?? 0;
}

/** True when changes after `afterId` may have been pruned, so the caller cannot resume from it. */
export async function changesLostAfter(afterId: number): Promise<boolean> {
  const oldest = await db.clusterChange.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  return oldest !== null && oldest.id > afterId + 1;
}

/**
 * The changes after `afterId`: of one cluster, its tasks' included, or of every cluster, leaving
 * the tasks' out (at a thousand tasks a second they would drown the clusters' own changes).
 */
export async function changesAfter(afterId: number, clusterId?: string, take = CHANGES_PER_READ): Promise<ClusterChangeNotice[]> {
  return db.clusterChange.findMany({
    where: { id: { gt: afterId }, ...(clusterId === undefined ? { taskId: null } : { clusterId }) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, clusterId: true, deleted: true, actor: true, taskId: true },
  });
}

export async function pruneClusterChanges(now = new Date()): Promise<number> {
  const { count } = await db.clusterChange.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - CHANGE_RETENTION_MS) } } });
  return count;
}
