// Work that must wait for a transaction's commit, in this process. A cache that forgot a change
// while its transaction was still open could be filled again by a read racing the commit, and then
// keep the old rows; forgotten after the commit, the next read sees the change.
//
// Prisma has no commit hook, so `trackCommits` wraps a client's interactive transactions: work
// queued on a transaction client runs once its transaction has committed, and never for a rollback.
// On a client outside a transaction a statement is committed when it returns: the work runs at once.
import { logger } from "../logger";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Work = () => void;
type TransactionWork<R> = (tx: Prisma.TransactionClient) => Promise<R>;

// Shared by the bundles Next.js loads into one process: a service in one bundle queues work on a
// transaction that the client, made by another bundle, opened.
const globalForCommits = globalThis as unknown as { workAfterCommit?: WeakMap<Prisma.TransactionClient, Work[]> };
const workAfterCommit = (globalForCommits.workAfterCommit ??= new WeakMap());

/** Runs `work` once `client`'s transaction has committed, or at once when `client` is not a transaction. */
export function afterCommit(client: Prisma.TransactionClient, work: Work): void {
  const queued = workAfterCommit.get(client);
  if (queued) queued.push(work);
  else runAll([work]);
}

/** Makes `client`'s interactive transactions run the work `afterCommit` queues on them; returns `client`. */
export function trackCommits(client: PrismaClient): PrismaClient {
  const begin = client.$transaction.bind(client) as (argument: unknown, options?: unknown) => Promise<unknown>;
  async function transaction(argument: unknown, options?: unknown): Promise<unknown> {
    // A batch of statements has no transaction client for anyone to queue work on.
    if (typeof argument !== "function") return begin(argument, options);
    const queued: Work[] = [];
    const result = await begin((tx: Prisma.TransactionClient) => {
      workAfterCommit.set(tx, queued);
      return (argument as TransactionWork<unknown>)(tx);
    }, options);
    runAll(queued);
    return result;
  }
  return Object.assign(client, { $transaction: transaction });
}

/** The transaction has committed: a failing piece of work must not make its caller think otherwise. */
function runAll(work: readonly Work[]): void {
  for (const piece of work) {
    try {
      piece();
    } catch (error) {
      logger.warn({ err: error }, "work after a commit failed");
    }
  }
}
