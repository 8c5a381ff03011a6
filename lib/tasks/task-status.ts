// A task's statuses and the moves between them (spec/tasks.md), checked by the queue and by the
// property tests that drive it.

export const TASK_STATUSES = ["queued", "running", "succeeded", "failed", "dead", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_TASK_STATUSES: ReadonlySet<TaskStatus> = new Set(["succeeded", "dead", "cancelled"]);
/** Statuses that wait for an agent: `failed` is a task waiting out its backoff before the next attempt. */
export const WAITING_TASK_STATUSES = ["queued", "failed"] as const;

export const ATTEMPT_OUTCOMES = ["running", "succeeded", "failed", "lost", "cancelled"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

const ALLOWED_MOVES: Record<TaskStatus, readonly TaskStatus[]> = {
  queued: ["running", "cancelled"],
  // running -> queued: the lease expired (or the agent was drained) and attempts remain.
  running: ["succeeded", "failed", "dead", "cancelled", "queued"],
  failed: ["running", "cancelled", "dead"],
  succeeded: [],
  // An operator's retry queues a final task again with fresh attempts.
  dead: ["queued"],
  cancelled: ["queued"],
};

export function isTaskMoveAllowed(from: TaskStatus, to: TaskStatus): boolean {
  return ALLOWED_MOVES[from].includes(to);
}

export function isFinalTaskStatus(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.has(status);
}

/** The wait before attempt `attempt + 1` after attempt `attempt` failed: min(2^attempt s, 60 s). */
export function retryBackoffMs(attempt: number): number {
  return Math.min(2 ** attempt, 60) * 1000;
}

/**
 * Leases are short and renewed while the attempt runs, so a task whose agent died runs again within
 * seconds; a lease never reaches past the attempt's timeout plus LEASE_MARGIN_MS.
 */
export const LEASE_MS = 10_000;
export const LEASE_RENEW_EVERY_MS = 3_000;
export const LEASE_MARGIN_MS = 30_000;

/** The end of a lease taken or renewed at `now` for an attempt that started at `startedAt`. */
export function leaseEnd(now: number, startedAt: number, timeoutS: number): number {
  return Math.min(now + LEASE_MS, startedAt + timeoutS * 1000 + LEASE_MARGIN_MS);
}
