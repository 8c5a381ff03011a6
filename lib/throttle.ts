// Housekeeping that rides along on busy paths (pruning during ingestion or while a stream polls):
// run at most once per interval in this process, however often the path is taken.
export function atMostEvery(intervalMs: number, task: (now: number) => Promise<unknown>): (now?: number) => Promise<void> {
  let lastRun = Number.NEGATIVE_INFINITY;
  return async (now = Date.now()) => {
    if (now - lastRun < intervalMs) return;
    lastRun = now;
    await task(now);
  };
}
