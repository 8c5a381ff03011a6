// Serializes the actions on one cluster inside this process, so no agent is lost or duplicated
// when requests race; different clusters proceed in parallel.
import { Mutex } from "async-mutex";

const locks = new Map<string, Mutex>();

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
