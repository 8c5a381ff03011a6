// The seam between the task services and the database's queue mechanics (spec/tasks.md, "The
// queue"). Everything dialect-specific about a claim lives behind it: SQLite claims with one
// UPDATE ... RETURNING in this process; PostgreSQL with FOR UPDATE SKIP LOCKED, several console
// instances at once.
/** A task's failure as the task and its attempts keep it. */
export interface TaskError {
  type: string;
  message: string;
}

/** A free slot of an eligible agent, as the dispatcher offers it. */
export interface AgentSlot {
  agentId: string;
  clusterId: string;
  definition: string;
  role: string;
  capabilities: readonly string[];
}

/** A task handed to an agent: the lease is the agent's until `leaseExpiresAt` unless renewed. */
export interface ClaimedTask {
  taskId: string;
  clusterId: string;
  agentId: string;
  attempt: number;
  input: unknown;
  metadata: Record<string, unknown> | null;
  timeoutS: number;
  leaseExpiresAt: number;
}

/** Which lease an agent holds: the task and the number of the attempt it runs. */
export interface TaskLease {
  taskId: string;
  agentId: string;
  attempt: number;
}

/** What an attempt ended with; a completion is refused when the agent no longer holds the lease. */
export type AttemptEnd =
  | { outcome: "succeeded"; result: unknown; executorRef?: string; facts?: Record<string, unknown> }
  | { outcome: "failed"; error: TaskError; executorRef?: string; facts?: Record<string, unknown> };

export type CompletionAnswer = { accepted: true; status: "succeeded" | "failed" | "dead" } | { accepted: false; reason: string };

export interface TaskQueue {
  /** Hands up to one waiting task to each slot (highest priority, then oldest, first). */
  claim(slots: readonly AgentSlot[], now: number): Promise<ClaimedTask[]>;
  /** Extends the leases an agent still holds; answers the task ids whose lease it no longer holds. */
  renew(leases: readonly TaskLease[], now: number): Promise<string[]>;
  /** Ends an attempt; refused (and recorded on the attempt) when the agent lost its lease. */
  complete(lease: TaskLease, end: AttemptEnd, now: number): Promise<CompletionAnswer>;
  /**
   * `complete` for many attempts in one transaction, the answers in the order given: at a thousand
   * tasks a second, one commit per completion would cost more than the work.
   */
  completeMany(completions: ReadonlyArray<{ lease: TaskLease; end: AttemptEnd }>, now: number): Promise<CompletionAnswer[]>;
  /**
   * Keeps the far side's id for the work (an A2A task id) on the attempt while it still runs, so a
   * cancelled, timed out or still running attempt names the remote work too; ignored once it ended.
   */
  recordExecutorRef(lease: TaskLease, executorRef: string): Promise<void>;
  /** Puts tasks whose lease ran out back in the queue (or `dead` after the last attempt); answers their ids. */
  expireLeases(now: number): Promise<string[]>;
  /**
   * Gives the running tasks of stopping agents back to the queue at once: the attempt ends `lost`
   * with `reason`, and does not count against max_attempts (the console stopped it, not the work).
   */
  release(agentIds: readonly string[], reason: TaskError, now: number): Promise<string[]>;
}
