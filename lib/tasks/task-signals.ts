// In-process news between the task services and the dispatcher: "a cluster has tasks to claim"
// wakes the dispatcher at once instead of at its next backstop poll, "cancel" aborts a running
// attempt, and "finished" answers the long polls waiting for a task. Kept on globalThis because
// Next.js may load this module in several bundles of one process.
import { EventEmitter } from "node:events";

export interface TaskSignalMap {
  /** Tasks of the cluster became claimable (submitted, retried, released, backoff over soon). */
  claimable: [clusterId: string];
  /** An operator cancelled the task: the agent running it aborts its executor call. */
  cancel: [taskId: string];
  /** The task reached a final status: a long poll waiting for it (`GET /api/tasks/{id}?wait_s=`) answers at once. */
  finished: [taskId: string];
}

const globalForSignals = globalThis as unknown as { taskSignals?: EventEmitter<TaskSignalMap> };

export function taskSignals(): EventEmitter<TaskSignalMap> {
  if (!globalForSignals.taskSignals) {
    globalForSignals.taskSignals = new EventEmitter<TaskSignalMap>();
    // One listener per dispatcher and per waiting long-poll; the default warning at 10 is noise here.
    globalForSignals.taskSignals.setMaxListeners(0);
  }
  return globalForSignals.taskSignals;
}
