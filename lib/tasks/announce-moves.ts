// Who hears of the tasks a queue decision moved: long polls of final tasks, dispatchers of
// claimable ones at once, and of failed ones when their backoff is over. In this process after the
// commit; on PostgreSQL the other instances too, by notices sent in the decision's transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { signalInstances } from "./instance-task-signals";
import type { MovedRow } from "./queue-rows";
import { taskSignals } from "./task-signals";

interface MoveNews {
  finished: string[];
  /** Clusters with a task claimable now. */
  claimableNow: Set<string>;
  /** Clusters whose earliest failed task becomes claimable later, at that time. */
  claimableLater: Map<string, number>;
}

function newsOf(moved: readonly MovedRow[], now: number): MoveNews {
  const news: MoveNews = { finished: [], claimableNow: new Set(), claimableLater: new Map() };
  for (const row of moved) {
    if (row.status === "succeeded" || row.status === "dead") news.finished.push(row.id);
    const at = row.status === "queued" ? now : row.status === "failed" ? row.run_after : undefined;
    if (at === undefined) continue;
    if (at <= now) news.claimableNow.add(row.cluster_id);
    else news.claimableLater.set(row.cluster_id, Math.min(at, news.claimableLater.get(row.cluster_id) ?? Number.POSITIVE_INFINITY));
  }
  return news;
}

/** In the decision's transaction: the notices for the other instances (nothing on SQLite). */
export async function tellInstancesOfMoves(tx: Prisma.TransactionClient, moved: readonly MovedRow[], now: number): Promise<void> {
  const news = newsOf(moved, now);
  await signalInstances(tx, "finished", news.finished);
  await signalInstances(tx, "claimable", news.claimableNow);
}

/**
 * After the commit, in this process. A backoff that ends later is announced then, and on
 * PostgreSQL told the other instances through `client` at that time (if this process dies first,
 * their backstop pass finds the task).
 */
export function announceMoves(moved: readonly MovedRow[], now: number, client?: Prisma.TransactionClient): void {
  const signals = taskSignals();
  const news = newsOf(moved, now);
  for (const taskId of news.finished) signals.emit("finished", taskId);
  for (const clusterId of news.claimableNow) signals.emit("claimable", clusterId);
  for (const [clusterId, at] of news.claimableLater) {
    const announce = () => {
      signals.emit("claimable", clusterId);
      if (!client) return;
      signalInstances(client, "claimable", [clusterId]).catch((error: unknown) =>
        logger.warn({ err: error, clusterId }, "the other instances were not told of a retry; their backstop pass finds it"),
      );
    };
    setTimeout(announce, at - now).unref();
  }
}
