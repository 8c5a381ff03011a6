// What both queues (sqlite-task-queue.ts, postgres-task-queue.ts) make of the rows their statements
// answer: the claimed task handed to the dispatcher, the slots one claim statement serves, which
// completions of a call count, and the answer each completion gets. No SQL lives here.
import type { AgentSlot, AttemptEnd, ClaimedTask, CompletionAnswer, TaskError, TaskLease } from "./task-queue";

/** The error a task keeps when an agent stopped renewing its lease. */
export const LEASE_EXPIRED: TaskError = { type: "lease-expired", message: "the agent did not renew its lease in time" };

export interface ClaimedRow {
  id: string;
  cluster_id: string;
  agent_id: string;
  last_attempt: number | bigint;
  input_json: string;
  metadata_json: string | null;
  timeout_s: number | bigint;
  lease_expires_at: number;
}

/** A task a decision moved: its new status, and when it may be claimed again. */
export interface MovedRow {
  id: string;
  cluster_id: string;
  status: string;
  run_after: number;
}

/** A completed task with the lease that completed it (its agent stays on it, failed or finished). */
export interface CompletedRow extends MovedRow {
  agent_id: string;
  last_attempt: number | bigint;
}

/** A task as a refused completion finds it, to say why the lease was not held. */
export interface HeldRow {
  id: string;
  status: string;
  agent_id: string | null;
  last_attempt: number | bigint;
  lease_expires_at: number | null;
}

export interface Completion {
  lease: TaskLease;
  end: AttemptEnd;
}

export function toClaimedTask(row: ClaimedRow): ClaimedTask {
  return {
    taskId: row.id,
    clusterId: row.cluster_id,
    agentId: row.agent_id,
    attempt: Number(row.last_attempt),
    input: JSON.parse(row.input_json) as unknown,
    metadata: row.metadata_json === null ? null : (JSON.parse(row.metadata_json) as Record<string, unknown>),
    timeoutS: Number(row.timeout_s),
    leaseExpiresAt: row.lease_expires_at,
  };
}

/** Slots whose agents could take exactly the same tasks: one claim statement serves them all. */
export function groupInterchangeable(slots: readonly AgentSlot[]): AgentSlot[][] {
  const groups = new Map<string, AgentSlot[]>();
  for (const slot of slots) {
    const key = JSON.stringify([slot.clusterId, slot.definition, slot.role, [...slot.capabilities].sort()]);
    const group = groups.get(key);
    if (group) group.push(slot);
    else groups.set(key, [slot]);
  }
  return [...groups.values()];
}

export const leaseKey = (lease: TaskLease) => JSON.stringify([lease.taskId, lease.agentId, lease.attempt]);

/** The lease a row was renewed or completed under. */
export const leaseOfRow = (row: Pick<CompletedRow, "id" | "agent_id" | "last_attempt">): TaskLease => ({
  taskId: row.id,
  agentId: row.agent_id,
  attempt: Number(row.last_attempt),
});

export function changeOf(row: { id: string; cluster_id: string }) {
  return { clusterId: row.cluster_id, taskId: row.id };
}

/**
 * The completions of one call that count: the same lease twice, the first. Of different leases of
 * one task at most one is held, and the queue's UPDATE matches only that one.
 */
export function firstOfEachLease(completions: readonly Completion[]): Map<string, Completion> {
  const first = new Map<string, Completion>();
  for (const completion of completions) if (!first.has(leaseKey(completion.lease))) first.set(leaseKey(completion.lease), completion);
  return first;
}

/** The completions the queue refused: repeats within the call, and leases the agent no longer held. */
export function refusedCompletions(
  completions: readonly Completion[],
  first: ReadonlyMap<string, Completion>,
  moved: ReadonlyMap<string, CompletedRow>,
): Completion[] {
  return completions.filter((completion) => first.get(leaseKey(completion.lease)) !== completion || !moved.has(leaseKey(completion.lease)));
}

/** Each completion's answer, in the order given. */
export function completionAnswers(
  completions: readonly Completion[],
  first: ReadonlyMap<string, Completion>,
  moved: ReadonlyMap<string, CompletedRow>,
  held: ReadonlyMap<string, HeldRow>,
  now: number,
): CompletionAnswer[] {
  return completions.map((completion): CompletionAnswer => {
    const row = moved.get(leaseKey(completion.lease));
    if (row && first.get(leaseKey(completion.lease)) === completion)
      return { accepted: true, status: row.status as "succeeded" | "failed" | "dead" };
    if (row) return { accepted: false, reason: "the task was completed earlier in the same call" };
    return { accepted: false, reason: whyNotHeld(completion.lease, held.get(completion.lease.taskId), now) };
  });
}

function whyNotHeld(lease: TaskLease, row: HeldRow | undefined, now: number): string {
  if (!row) return "the task no longer exists";
  if (row.status !== "running") return `the task is ${row.status}`;
  if (row.agent_id !== lease.agentId) return "the task was handed to another agent";
  if (Number(row.last_attempt) !== lease.attempt) return `the lease passed to attempt ${Number(row.last_attempt)}`;
  if (row.lease_expires_at !== null && row.lease_expires_at <= now) return "the lease expired";
  return "the agent does not hold the lease";
}
