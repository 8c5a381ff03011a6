// One action at a time per cluster, so no agent is lost or duplicated when requests race; different
// clusters proceed in parallel. Inside a process an async-mutex (the fast path: waiters queue in
// memory); on PostgreSQL, where several console instances share the database, the holder of the
// mutex also holds the cluster's session-level advisory lock (lib/db/advisory-lock.ts, key
// SHA-256 of "cluster:<id>") until the action ends, across its transactions and runtime calls.
// A process that dies releases it with its session.
//
// Waits are bounded: past CLUSTER_LOCK_TIMEOUT_MS for the mutex, a lock connection and the advisory
// lock together, the action is refused with ClusterBusyError, 409 with Retry-After. A 409 (not a
// 503) because the cluster, not the console, is busy: the same request succeeds once the action
// ahead of it has ended. The mutexes live on globalThis: the autoscaler runs from the
// instrumentation bundle, the routes from theirs, and both must share them.
import { Mutex, tryAcquire, withTimeout } from "async-mutex";

import { acquireAdvisoryLock, advisoryLockKey } from "@/lib/db/advisory-lock";
import { isPostgres } from "@/lib/db/dialect";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";

/** Another action on the cluster holds its lock past the wait this one allows. */
export class ClusterBusyError extends ConflictError {
  override name = "ClusterBusyError";
  constructor(readonly clusterId: string) {
    super(`another action on cluster "${clusterId}" is still under way; try again shortly`, { headers: { "retry-after": "1" } });
  }
}

export interface ClusterLockOptions {
  /** How long to wait for the action ahead; 0 acts only if nobody holds the cluster (recovery). Default CLUSTER_LOCK_TIMEOUT_MS. */
  waitMs?: number;
}

const globalForLocks = globalThis as unknown as { clusterLocks?: Map<string, Mutex> };
const locks = (globalForLocks.clusterLocks ??= new Map<string, Mutex>());

/** Runs `action` holding the cluster's lock in this process and, on PostgreSQL, across instances. */
export function withClusterLock<T>(clusterId: string, action: () => Promise<T>, options: ClusterLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? env.CLUSTER_LOCK_TIMEOUT_MS;
  const deadline = Date.now() + waitMs;
  return withLocalClusterLock(
    clusterId,
    async () => {
      if (!isPostgres) return action();
      const held = await acquireAdvisoryLock(advisoryLockKey("cluster", clusterId), Math.max(0, deadline - Date.now()));
      if (!held) throw new ClusterBusyError(clusterId);
      try {
        return await action();
      } finally {
        await held.release();
      }
    },
    { waitMs },
  );
}

/**
 * Runs `action` holding only this process's mutex of the cluster: enough for work on what this
 * process alone touches (its local agents), which must not interleave with its own actions.
 */
export async function withLocalClusterLock<T>(clusterId: string, action: () => Promise<T>, options: ClusterLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? env.CLUSTER_LOCK_TIMEOUT_MS;
  let lock = locks.get(clusterId);
  if (!lock) {
    lock = new Mutex();
    locks.set(clusterId, lock);
  }
  const busy = new ClusterBusyError(clusterId);
  const bounded = waitMs > 0 ? withTimeout(lock, waitMs, busy) : tryAcquire(lock, busy);
  try {
    return await bounded.runExclusive(action);
  } finally {
    if (!lock.isLocked()) locks.delete(clusterId);
  }
}
