// The queue in the tasks table on PostgreSQL (spec/tasks.md, "The queue"), the sibling of
// sqlite-task-queue.ts: every statement that is PostgreSQL's own lives here. Several console
// instances claim from one table at once, so:
// - a claim locks the best waiting tasks with FOR UPDATE SKIP LOCKED: concurrent claimers never
//   wait for each other and never take the same row; expiry skips locked rows the same way;
// - renewals, completions and releases lock the running tasks they name in id order, so two of
//   them (one instance's renewal and its completions, on two connections) never deadlock;
// - each decision is still one conditional UPDATE, rechecked by PostgreSQL on the row's newest
//   version, so a lease lost in between matches nothing;
// - the transactions that make tasks claimable or final notify the other instances.
// Lists travel as arrays (unnest), one statement whatever their length; parameters get explicit
// casts where nothing around them gives a type (pg sends them all as text).
import { recordTaskChanges } from "@/lib/cluster/change-feed";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_ATTEMPTS_LIMIT } from "./api-schema";
import { announceMoves, tellInstancesOfMoves } from "./announce-moves";
import {
  changeOf,
  type ClaimedRow,
  type CompletedRow,
  type Completion,
  completionAnswers,
  firstOfEachLease,
  groupInterchangeable,
  type HeldRow,
  LEASE_EXPIRED,
  leaseKey,
  leaseOfRow,
  type MovedRow,
  refusedCompletions,
  toClaimedTask,
} from "./queue-rows";
import type { AgentSlot, AttemptEnd, ClaimedTask, CompletionAnswer, TaskError, TaskLease, TaskQueue } from "./task-queue";
import { LEASE_MARGIN_MS, LEASE_MS, retryBackoffMs } from "./task-status";
import { anyLeaseDue, recordExecutorRefOn } from "./shared-queue-statements";

export class PostgresTaskQueue implements TaskQueue {
  constructor(private readonly db: PrismaClient) {}

  async claim(slots: readonly AgentSlot[], now: number): Promise<ClaimedTask[]> {
    if (slots.length === 0 || !(await this.anyWaiting([...new Set(slots.map((slot) => slot.clusterId))], now))) return [];
    const rows = await this.db.$transaction(async (tx) => {
      // The claim's order ends with the id, which the index does not hold: read in the index's order
      // with an incremental sort of each run of ties, never by sorting every waiting task of the
      // cluster, which the planner picks while a young table's statistics still say it is empty.
      // The penalty that steers it also lifts the plan's cost past JIT's threshold: no JIT (it takes
      // hundreds of milliseconds to compile a statement that runs in one).
      await tx.$queryRaw`SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true)`;
      const claimed: ClaimedRow[] = [];
      for (const group of groupInterchangeable(slots)) claimed.push(...(await tx.$queryRaw<ClaimedRow[]>(claimStatement(group, now))));
      await recordTaskChanges(tx, claimed.map(changeOf), new Date(now));
      return claimed;
    });
    return rows.map(toClaimedTask);
  }

  async renew(leases: readonly TaskLease[], now: number): Promise<string[]> {
    if (leases.length === 0) return [];
    const rows = await this.db.$queryRaw<Array<Pick<CompletedRow, "id" | "agent_id" | "last_attempt">>>`
      WITH held AS (SELECT * FROM ${leasesTable(leases)}),
      locked AS (${lockHeld(now)})
      UPDATE tasks SET lease_expires_at = ${leaseEndSql(now, Prisma.sql`tasks.started_at`)}
      FROM held JOIN locked ON locked.id = held.task_id
      WHERE tasks.id = held.task_id AND ${holdsLease(now)}
      RETURNING tasks.id, tasks.agent_id, tasks.last_attempt`;
    const renewed = new Set(rows.map((row) => leaseKey(leaseOfRow(row))));
    return leases.filter((lease) => !renewed.has(leaseKey(lease))).map((lease) => lease.taskId);
  }

  async complete(lease: TaskLease, end: AttemptEnd, now: number): Promise<CompletionAnswer> {
    const [answer] = await this.completeMany([{ lease, end }], now);
    return answer!;
  }

  async completeMany(completions: readonly Completion[], now: number): Promise<CompletionAnswer[]> {
    if (completions.length === 0) return [];
    const first = firstOfEachLease(completions);
    const unique = [...first.values()];

    const { moved, held } = await this.db.$transaction(async (tx) => {
      const moved = new Map<string, CompletedRow>();
      for (const row of await tx.$queryRaw<CompletedRow[]>(completeStatement(unique, now))) moved.set(leaseKey(leaseOfRow(row)), row);
      // A refused completion is kept on the attempt it claims to end, if that attempt was the agent's.
      const refused = refusedCompletions(completions, first, moved);
      const held = new Map<string, HeldRow>();
      if (refused.length > 0) {
        await tx.$executeRaw`
          UPDATE task_attempts SET refused_outcome = late.outcome
          FROM unnest(
            ${refused.map(({ lease }) => lease.taskId)}::text[],
            ${refused.map(({ lease }) => lease.agentId)}::text[],
            ${refused.map(({ lease }) => lease.attempt)}::int[],
            ${refused.map(({ end }) => end.outcome)}::text[]
          ) AS late(task_id, agent_id, attempt, outcome)
          WHERE task_attempts.task_id = late.task_id AND task_attempts.number = late.attempt AND task_attempts.agent_id = late.agent_id`;
        const rows = await tx.$queryRaw<HeldRow[]>`
          SELECT id, status, agent_id, last_attempt, lease_expires_at FROM tasks
          WHERE id = ANY(${[...new Set(refused.map(({ lease }) => lease.taskId))]}::text[])`;
        for (const row of rows) held.set(row.id, row);
      }
      await recordTaskChanges(tx, [...moved.values()].map(changeOf), new Date(now));
      await tellInstancesOfMoves(tx, [...moved.values()], now);
      return { moved, held };
    });

    announceMoves([...moved.values()], now, this.db);
    return completionAnswers(completions, first, moved, held, now);
  }

  async recordExecutorRef(lease: TaskLease, executorRef: string): Promise<void> {
    await recordExecutorRefOn(this.db, lease, executorRef);
  }

  async expireLeases(now: number): Promise<string[]> {
    // Every instance sweeps every second.
    if (!(await anyLeaseDue(this.db, now))) return [];
    const moved = await this.db.$transaction(async (tx) => {
      // Rows another instance is expiring or completing right now are skipped: the next sweep sees them.
      const moved = await tx.$queryRaw<MovedRow[]>`
        WITH due AS (
          SELECT id FROM tasks WHERE status = 'running' AND lease_expires_at <= ${now} FOR UPDATE SKIP LOCKED
        )
        UPDATE tasks SET
          status = CASE WHEN attempt_count >= max_attempts THEN 'dead' ELSE 'queued' END,
          agent_id = CASE WHEN attempt_count >= max_attempts THEN agent_id END,
          finished_at = CASE WHEN attempt_count >= max_attempts THEN ${now}::float8 END,
          error_json = ${JSON.stringify(LEASE_EXPIRED)},
          lease_expires_at = NULL, run_after = ${now}, updated_at = ${now}
        FROM due
        WHERE tasks.id = due.id AND tasks.status = 'running' AND tasks.lease_expires_at <= ${now}
        RETURNING tasks.id, tasks.cluster_id, tasks.status, tasks.run_after`;
      await recordTakenBack(tx, moved, LEASE_EXPIRED, now);
      return moved;
    });
    announceMoves(moved, now, this.db);
    return moved.map((row) => row.id);
  }

  /**
   * Whether any task of these clusters waits, read before a claim opens a transaction: the
   * dispatcher of every instance asks every second for its idle clusters.
   */
  private async anyWaiting(clusterIds: readonly string[], now: number): Promise<boolean> {
    const rows = await this.db.$queryRaw<unknown[]>`
      SELECT 1 FROM tasks WHERE cluster_id = ANY(${clusterIds}::text[])
        AND status IN ('queued', 'failed') AND (status = 'queued' OR run_after <= ${now}) LIMIT 1`;
    return rows.length > 0;
  }

  async release(agentIds: readonly string[], reason: TaskError, now: number): Promise<string[]> {
    if (agentIds.length === 0) return [];
    const moved = await this.db.$transaction(async (tx) => {
      const moved = await tx.$queryRaw<MovedRow[]>`
        WITH locked AS (
          SELECT id FROM tasks WHERE status = 'running' AND agent_id = ANY(${agentIds}::text[]) ORDER BY id FOR UPDATE
        )
        UPDATE tasks SET status = 'queued', agent_id = NULL, attempt_count = attempt_count - 1,
          lease_expires_at = NULL, run_after = ${now}, updated_at = ${now}
        FROM locked
        WHERE tasks.id = locked.id AND tasks.status = 'running' AND tasks.agent_id = ANY(${agentIds}::text[])
        RETURNING tasks.id, tasks.cluster_id, tasks.status, tasks.run_after`;
      await recordTakenBack(tx, moved, reason, now);
      return moved;
    });
    announceMoves(moved, now, this.db);
    return moved.map((row) => row.id);
  }
}

/** Some leases as a table `(task_id, agent_id, attempt)`. */
function leasesTable(leases: readonly TaskLease[]): Prisma.Sql {
  return Prisma.sql`unnest(${leases.map((lease) => lease.taskId)}::text[], ${leases.map((lease) => lease.agentId)}::text[],
    ${leases.map((lease) => lease.attempt)}::int[]) AS leases(task_id, agent_id, attempt)`;
}

/** Locks, in id order, the running tasks whose lease a row of `held` still holds. */
function lockHeld(now: number, alias = "held"): Prisma.Sql {
  return Prisma.sql`
    SELECT tasks.id FROM tasks JOIN ${Prisma.raw(alias)} ON tasks.id = ${Prisma.raw(alias)}.task_id
    WHERE ${holdsLease(now, alias)} ORDER BY tasks.id FOR UPDATE OF tasks`;
}

/**
 * One statement handing the group's slots the best waiting tasks they may run (spec "Routing") and
 * starting their attempts: the n-th best task goes to the n-th slot, as the caller ranks its slots
 * (idle longest first). Each status is read in the index's order (priority desc, created_at), skipping rows another claimer
 * holds, and stops after as many rows as there are slots. Ties of priority and age go by id, in
 * byte order: task ids are version 7 uuids, which grow in the order one process submits them.
 */
function claimStatement(group: readonly AgentSlot[], now: number): Prisma.Sql {
  const { clusterId, definition, role, capabilities } = group[0]!;
  const routing = Prisma.sql`(definition = ${definition}${
    capabilities.length > 0 ? Prisma.sql` OR (definition IS NULL AND capability = ANY(${capabilities}::text[]))` : Prisma.empty
  }${role === "worker" ? Prisma.sql` OR (definition IS NULL AND capability IS NULL)` : Prisma.empty})`;
  const best = Prisma.sql`ORDER BY priority DESC, created_at, id COLLATE "C"`;
  const waiting = (status: Prisma.Sql) => Prisma.sql`
    SELECT id, priority, created_at FROM tasks
    WHERE cluster_id = ${clusterId} AND ${status} AND ${routing}
    ${best} LIMIT ${group.length} FOR UPDATE SKIP LOCKED`;
  return Prisma.sql`
    WITH queued AS MATERIALIZED (${waiting(Prisma.sql`status = 'queued'`)}),
    retrying AS MATERIALIZED (${waiting(Prisma.sql`status = 'failed' AND run_after <= ${now}`)}),
    picked AS (
      SELECT id, row_number() OVER (${best}) AS slot FROM (SELECT * FROM queued UNION ALL SELECT * FROM retrying) AS waiting
    ),
    offered AS (
      SELECT * FROM unnest(${group.map((slot) => slot.agentId)}::text[]) WITH ORDINALITY AS offered(agent_id, slot)
    ),
    claimed AS (
      UPDATE tasks SET status = 'running', agent_id = offered.agent_id, attempt_count = attempt_count + 1,
        last_attempt = last_attempt + 1, started_at = ${now}, lease_expires_at = ${leaseEndSql(now, Prisma.sql`${now}::float8`)},
        updated_at = ${now}
      FROM picked JOIN offered ON offered.slot = picked.slot
      WHERE tasks.id = picked.id
      RETURNING tasks.id, tasks.cluster_id, tasks.agent_id, tasks.last_attempt, tasks.input_json, tasks.metadata_json,
        tasks.timeout_s, tasks.lease_expires_at
    ),
    attempts AS (
      INSERT INTO task_attempts (task_id, cluster_id, number, agent_id, started_at, outcome)
      SELECT id, cluster_id, last_attempt, agent_id, ${now}::float8, 'running' FROM claimed
    )
    SELECT * FROM claimed`;
}

/**
 * Ends the attempts whose agents still hold their lease, the task and its attempt row: succeeded,
 * or failed and waiting out retryBackoffMs(attempts counted) before the next, or dead after the
 * last attempt.
 */
function completeStatement(completions: readonly Completion[], now: number): Prisma.Sql {
  const backoff = Prisma.join(
    Array.from({ length: MAX_ATTEMPTS_LIMIT }, (_, index) => Prisma.sql`WHEN ${index + 1} THEN ${now + retryBackoffMs(index + 1)}::float8`),
    " ",
  );
  const outlived = Prisma.sql`tasks.attempt_count >= tasks.max_attempts`;
  const retries = Prisma.sql`done.outcome = 'failed' AND NOT ${outlived}`;
  return Prisma.sql`
    WITH done AS (
      SELECT * FROM unnest(
        ${completions.map(({ lease }) => lease.taskId)}::text[],
        ${completions.map(({ lease }) => lease.agentId)}::text[],
        ${completions.map(({ lease }) => lease.attempt)}::int[],
        ${completions.map(({ end }) => end.outcome)}::text[],
        ${completions.map(({ end }) => (end.outcome === "succeeded" ? JSON.stringify(end.result ?? null) : null))}::text[],
        ${completions.map(({ end }) => (end.outcome === "failed" ? JSON.stringify(end.error) : null))}::text[],
        ${completions.map(({ end }) => end.executorRef ?? null)}::text[],
        ${completions.map(({ end }) => (end.facts === undefined ? null : JSON.stringify(end.facts)))}::text[]
      ) AS done(task_id, agent_id, attempt, outcome, result_json, error_json, executor_ref, facts_json)
    ),
    locked AS (${lockHeld(now, "done")}),
    moved AS (
    UPDATE tasks SET
      status = CASE WHEN done.outcome = 'succeeded' THEN 'succeeded' WHEN ${outlived} THEN 'dead' ELSE 'failed' END,
      result_json = done.result_json,
      error_json = COALESCE(done.error_json, tasks.error_json),
      finished_at = CASE WHEN ${retries} THEN NULL ELSE ${now}::float8 END,
      run_after = CASE WHEN ${retries}
        THEN CASE tasks.attempt_count ${backoff} ELSE ${now + retryBackoffMs(MAX_ATTEMPTS_LIMIT)}::float8 END
        ELSE tasks.run_after END,
      lease_expires_at = NULL, updated_at = ${now}
    FROM done JOIN locked ON locked.id = done.task_id
    WHERE tasks.id = done.task_id AND ${holdsLease(now, "done")}
    RETURNING tasks.id, tasks.cluster_id, tasks.status, tasks.run_after, tasks.agent_id, tasks.last_attempt
    ),
    ended AS (
      UPDATE task_attempts SET outcome = done.outcome, ended_at = ${now}, error_json = done.error_json,
        executor_ref = COALESCE(done.executor_ref, task_attempts.executor_ref), facts_json = done.facts_json
      FROM moved JOIN done ON done.task_id = moved.id AND done.agent_id = moved.agent_id AND done.attempt = moved.last_attempt
      WHERE task_attempts.task_id = moved.id AND task_attempts.number = moved.last_attempt
    )
    SELECT * FROM moved`;
}

/** The agent still holds the lease of the attempt it names: running, its own, this attempt, not expired. */
function holdsLease(now: number, alias = "held"): Prisma.Sql {
  const from = Prisma.raw(alias);
  return Prisma.sql`tasks.status = 'running' AND tasks.agent_id = ${from}.agent_id AND tasks.last_attempt = ${from}.attempt
    AND tasks.lease_expires_at > ${now}`;
}

/** leaseEnd() in SQL: the end of a lease taken or renewed at `now` for an attempt that started at `startedAt`. */
function leaseEndSql(now: number, startedAt: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`LEAST(${now + LEASE_MS}::float8, ${startedAt} + tasks.timeout_s * 1000 + ${LEASE_MARGIN_MS})`;
}

/**
 * Tasks taken back from their agents (lease expired, agent released): each running attempt (there is
 * at most one) ends `lost` with `error`, and the feed and the other instances hear of the moves.
 */
async function recordTakenBack(tx: Prisma.TransactionClient, tasks: readonly MovedRow[], error: TaskError, now: number): Promise<void> {
  if (tasks.length > 0) {
    await tx.$executeRaw`
      UPDATE task_attempts SET outcome = 'lost', ended_at = ${now}, error_json = ${JSON.stringify(error)}
      WHERE outcome = 'running' AND task_id = ANY(${tasks.map((row) => row.id)}::text[])`;
  }
  await recordTaskChanges(tx, tasks.map(changeOf), new Date(now));
  await tellInstancesOfMoves(tx, tasks, now);
}
