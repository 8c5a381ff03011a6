// Serializes the actions on one cluster inside this process, so no agent is lost or duplicated
// when requests race; different clusters proceed in parallel. The locks live on globalThis: the
// autoscaler runs from the instrumentation bundle, the routes from theirs, and both must share them.
import { Mutex } from "async-mutex";

const globalForLocks = globalThis as unknown as { clusterLocks?: Map<string, Mutex> };
const locks = (globalForLocks.clusterLocks ??= new Map<string, Mutex>());

export async function withClusterLock<T>(clusterId: string, action: () => Promise<T>): Promise<T> {
  let lock = locks.get(clusterId);
  if (!lock) {
    lock = new Mutex();
    locks.set(clusterId, lock);
  }
  try {
    return await lock.runExclusive(action);
  } finally {
    if (!lock.isLocked()) locks.delete(clusterId);
  }
}
