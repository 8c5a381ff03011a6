// Gathers keys (cluster ids) from a burst of events and hands them over at most once per interval:
// at once for the first, then everything gathered since at the end of each interval. A cluster
// whose agents finish hundreds of tasks a second is refetched once a second, not hundreds of times.
import { throttle } from "es-toolkit";

export interface BatchedKeys {
  add: (key: string) => void;
  /** Drops what was gathered and not handed over yet. */
  cancel: () => void;
}

export function batchKeys(intervalMs: number, flush: (keys: ReadonlySet<string>) => void): BatchedKeys {
  let gathered = new Set<string>();
  const handOver = throttle(() => {
    if (gathered.size === 0) return;
    const keys = gathered;
    gathered = new Set();
    flush(keys);
  }, intervalMs);
  return {
    add: (key) => {
      gathered.add(key);
      handOver();
    },
    cancel: () => {
      handOver.cancel();
      gathered = new Set();
    },
  };
}
