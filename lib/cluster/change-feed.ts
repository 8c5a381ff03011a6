// The live-update feed: every committed change of a cluster or its agents appends a row, and the
// process's change-feed reader reads the rows after the last one it saw. Rows in the database (not
// an in-process emitter) make changes by scripts, other server instances and the autoscaler reach
// every open tab, and let a reconnecting client resume from its Last-Event-ID.
import { db } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { inRowSlices } from "@/lib/db/batches";
import { isPostgres } from "@/lib/db/dialect";
import { notifyInstances } from "@/lib/db/instance-signals";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forgetClusterViews } from "./cluster-view-cache";

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
  await announceChanges(tx, [clusterId]);
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
  if (changes.length === 0) return;
  await inRowSlices(
    changes,
    CHANGES_PER_STATEMENT,
    (change) => [change.clusterId, change.taskId, now],
    (values) => tx.$executeRaw`INSERT INTO cluster_changes (cluster_id, task_id, created_at) VALUES ${values}`,
  );
  await announceChanges(tx, new Set(changes.map((change) => change.clusterId)));
}

type ChangesRecordedListener = () => void;

// Shared by the bundles Next.js loads into one process: the autoscaler's writes (instrumentation)
// must wake the reader that the event route's bundle runs.
const globalForFeed = globalThis as unknown as { changesRecordedListeners?: Set<ChangesRecordedListener> };
const changesRecordedListeners = (globalForFeed.changesRecordedListeners ??= new Set());

/**
 * Tells the readers that changes are on their way, from inside the writing transaction, so no
 * writer can forget it. On PostgreSQL a NOTIFY, delivered to every instance (this one included)
 * when the transaction commits and never for a rollback. On SQLite the in-process listeners are
 * called at once: the reader reads inside a transaction, and the driver runs one transaction at a
 * time per process, so its read starts only after this one has committed or rolled back.
 * This process's cached views of the changed clusters are forgotten after the commit, so that the
 * next read here sees the change without waiting for the reader.
 */
async function announceChanges(tx: Prisma.TransactionClient, clusterIds: Iterable<string>): Promise<void> {
  if (isPostgres) await notifyInstances(tx, "cluster_changes");
  else for (const listener of changesRecordedListeners) listener();
  afterCommit(tx, () => forgetClusterViews(clusterIds));
}

/** Calls `listener` whenever this process records changes (SQLite only; see announceChanges). Returns the unsubscribe. */
export function onChangesRecorded(listener: ChangesRecordedListener): () => void {
  changesRecordedListeners.add(listener);
  return () => {
    changesRecordedListeners.delete(listener);
  };
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
 * Every change after `afterId`, tasks' included, in id order, through `client`: the reader passes
 * a transaction so that it sees only committed rows.
 */
export async function readChanges(
  client: Prisma.TransactionClient,
  afterId: number,
  take = CHANGES_PER_READ,
): Promise<ClusterChangeNotice[]> {
  return client.clusterChange.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take,
    select: { id: true, clusterId: true, deleted: true, actor: true, taskId: true },
  });
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
