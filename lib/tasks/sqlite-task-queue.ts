// The queue in the tasks table on SQLite (spec/tasks.md, "The queue"): every statement that is
// SQLite's own lives here (PostgreSQL's are in its sibling, postgres-task-queue.ts; what both make
// of the rows is in queue-rows.ts). Each decision is
// one conditional UPDATE ... RETURNING: a claim takes only waiting tasks, a renewal or completion
// only the lease the agent still holds, whatever else runs in between. Many slots, leases and
// completions go in one transaction, since each commit costs more than the rows it writes.
import { recordTaskChanges } from "@/lib/cluster/change-feed";
import { inRowSlices } from "@/lib/db/batches";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_ATTEMPTS_LIMIT } from "./api-schema";
import { announceMoves } from "./announce-moves";
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

const ROWS_PER_STATEMENT = 500;

export class SqliteTaskQueue implements TaskQueue {
  constructor(private readonly db: PrismaClient) {}

  async claim(slots: readonly AgentSlot[], now: number): Promise<ClaimedTask[]> {
    if (slots.length === 0 || !(await this.anyWaiting([...new Set(slots.map((slot) => slot.clusterId))], now))) return [];
    const rows = await this.db.$transaction(async (tx) => {
      const claimed: ClaimedRow[] = [];
      for (const group of groupInterchangeable(slots)) claimed.push(...(await tx.$queryRaw<ClaimedRow[]>(claimStatement(group, now))));
      await inRowSlices(
        claimed,
        ROWS_PER_STATEMENT,
        (row) => [row.id, row.cluster_id, Number(row.last_attempt), row.agent_id, now, "running"],
        (values) => tx.$executeRaw`INSERT INTO task_attempts (task_id, cluster_id, number, agent_id, started_at, outcome) VALUES ${values}`,
      );
      await recordTaskChanges(tx, claimed.map(changeOf), new Date(now));
      return claimed;
    });
    return rows.map(toClaimedTask);
  }

  async renew(leases: readonly TaskLease[], now: number): Promise<string[]> {
    if (leases.length === 0) return [];
    const renewed = new Set<string>();
    await this.db.$transaction(async (tx) => {
      await inRowSlices(
        leases,
        ROWS_PER_STATEMENT,
        (lease) => [lease.taskId, lease.agentId, lease.attempt],
        async (values) => {
          const rows = await tx.$queryRaw<Array<{ id: string; agent_id: string; last_attempt: number | bigint }>>`
            WITH held(task_id, agent_id, attempt) AS (VALUES ${values})
            UPDATE tasks SET lease_expires_at = ${leaseEndSql(now, Prisma.sql`tasks.started_at`)}
            FROM held
            WHERE tasks.id = held.task_id AND ${holdsLease(now)}
            RETURNING tasks.id, tasks.agent_id, tasks.last_attempt`;
          for (const row of rows) renewed.add(leaseKey({ taskId: row.id, agentId: row.agent_id, attempt: Number(row.last_attempt) }));
        },
      );
    });
    return leases.filter((lease) => !renewed.has(leaseKey(lease))).map((lease) => lease.taskId);
  }

  async complete(lease: TaskLease, end: AttemptEnd, now: number): Promise<CompletionAnswer> {
    const [answer] = await this.completeMany([{ lease, end }], now);
    return answer!;
  }

  async completeMany(completions: ReadonlyArray<Completion>, now: number): Promise<CompletionAnswer[]> {
    if (completions.length === 0) return [];
    const first = firstOfEachLease(completions);
    const unique = [...first.values()];

    const { moved, held } = await this.db.$transaction(async (tx) => {
      const moved = new Map<string, CompletedRow>();
      await inRowSlices(
        unique,
        ROWS_PER_STATEMENT,
        ({ lease, end }) => [
          lease.taskId,
          lease.agentId,
          lease.attempt,
          end.outcome,
          end.outcome === "succeeded" ? JSON.stringify(end.result ?? null) : null,
          end.outcome === "failed" ? JSON.stringify(end.error) : null,
        ],
        async (values) => {
          for (const row of await tx.$queryRaw<CompletedRow[]>(completeStatement(values, now))) moved.set(leaseKey(leaseOfRow(row)), row);
        },
      );
      const accepted = unique.filter(({ lease }) => moved.has(leaseKey(lease)));
      await inRowSlices(
        accepted,
        ROWS_PER_STATEMENT,
        ({ lease, end }) => [
          lease.taskId,
          lease.attempt,
          end.outcome,
          end.outcome === "failed" ? JSON.stringify(end.error) : null,
          end.executorRef ?? null,
          end.facts === undefined ? null : JSON.stringify(end.facts),
        ],
        (values) => tx.$executeRaw`
          WITH ended(task_id, attempt, outcome, error_json, executor_ref, facts_json) AS (VALUES ${values})
          UPDATE task_attempts SET outcome = ended.outcome, ended_at = ${now}, error_json = ended.error_json,
            executor_ref = COALESCE(ended.executor_ref, task_attempts.executor_ref), facts_json = ended.facts_json
          FROM ended
          WHERE task_attempts.task_id = ended.task_id AND task_attempts.number = ended.attempt`,
      );
      // A refused completion is kept on the attempt it claims to end, if that attempt was the agent's.
      const refused = refusedCompletions(completions, first, moved);
      await inRowSlices(
        refused,
        ROWS_PER_STATEMENT,
        ({ lease, end }) => [lease.taskId, lease.agentId, lease.attempt, end.outcome],
        (values) => tx.$executeRaw`
          WITH late(task_id, agent_id, attempt, outcome) AS (VALUES ${values})
          UPDATE task_attempts SET refused_outcome = late.outcome
          FROM late
          WHERE task_attempts.task_id = late.task_id AND task_attempts.number = late.attempt AND task_attempts.agent_id = late.agent_id`,
      );
      const held = new Map<string, HeldRow>();
      await inRowSlices(
        [...new Set(refused.map(({ lease }) => lease.taskId))],
        ROWS_PER_STATEMENT,
        (taskId) => [taskId],
        async (values) => {
          const rows = await tx.$queryRaw<HeldRow[]>`
            SELECT id, status, agent_id, last_attempt, lease_expires_at FROM tasks WHERE id IN (SELECT column1 FROM (VALUES ${values}))`;
          for (const row of rows) held.set(row.id, row);
        },
      );
      await recordTaskChanges(tx, [...moved.values()].map(changeOf), new Date(now));
      return { moved, held };
    });

    announceMoves([...moved.values()], now);
    return completionAnswers(completions, first, moved, held, now);
  }

  async recordExecutorRef(lease: TaskLease, executorRef: string): Promise<void> {
    await recordExecutorRefOn(this.db, lease, executorRef);
  }

  async expireLeases(now: number): Promise<string[]> {
    if (!(await anyLeaseDue(this.db, now))) return [];
    const moved = await this.db.$transaction(async (tx) => {
      const moved = await tx.$queryRaw<MovedRow[]>`
        UPDATE tasks SET
          status = CASE WHEN attempt_count >= max_attempts THEN 'dead' ELSE 'queued' END,
          agent_id = CASE WHEN attempt_count >= max_attempts THEN agent_id END,
          finished_at = CASE WHEN attempt_count >= max_attempts THEN ${now} END,
          error_json = ${JSON.stringify(LEASE_EXPIRED)},
          lease_expires_at = NULL, run_after = ${now}, updated_at = ${now}
        WHERE status = 'running' AND lease_expires_at <= ${now}
        RETURNING id, cluster_id, status, run_after`;
      await endRunningAttempts(tx, moved, "lost", LEASE_EXPIRED, now);
      await recordTaskChanges(tx, moved.map(changeOf), new Date(now));
      return moved;
    });
    announceMoves(moved, now);
    return moved.map((row) => row.id);
  }

  /**
   * Whether any task of these clusters waits, read before a claim or an expiry opens a write
   * transaction: the dispatcher asks every second for idle clusters, and each write transaction
   * would take the database's write lock from scripts and other processes for nothing. (Written
   * with `status IN` so that SQLite reads the (cluster_id, status) index, not the cluster's history.)
   */
  private async anyWaiting(clusterIds: readonly string[], now: number): Promise<boolean> {
    const rows = await this.db.$queryRaw<unknown[]>`
      SELECT 1 FROM tasks WHERE cluster_id IN (${Prisma.join(clusterIds)})
        AND status IN ('queued', 'failed') AND (status = 'queued' OR run_after <= ${now}) LIMIT 1`;
    return rows.length > 0;
  }

  async release(agentIds: readonly string[], reason: TaskError, now: number): Promise<string[]> {
    if (agentIds.length === 0) return [];
    const moved = await this.db.$transaction(async (tx) => {
      const moved: MovedRow[] = [];
      await inRowSlices(
        agentIds,
        ROWS_PER_STATEMENT,
        (agentId) => [agentId],
        async (values) => {
          moved.push(
            ...(await tx.$queryRaw<MovedRow[]>`
              UPDATE tasks SET status = 'queued', agent_id = NULL, attempt_count = attempt_count - 1,
                lease_expires_at = NULL, run_after = ${now}, updated_at = ${now}
              WHERE status = 'running' AND agent_id IN (SELECT column1 FROM (VALUES ${values}))
              RETURNING id, cluster_id, status, run_after`),
          );
        },
      );
      await endRunningAttempts(tx, moved, "lost", reason, now);
      await recordTaskChanges(tx, moved.map(changeOf), new Date(now));
      return moved;
    });
    announceMoves(moved, now);
    return moved.map((row) => row.id);
  }
}

/**
 * One UPDATE handing the group's slots the best waiting tasks they may run (spec "Routing"): the
 * n-th best task goes to the n-th slot, as the caller ranks its slots (idle longest first). Ties of
 * priority and age go by rowid, the order the tasks were inserted in. Each status is read in the
 * index's order (priority desc, created_at) and stops after as many rows as there are slots.
 */
function claimStatement(group: readonly AgentSlot[], now: number): Prisma.Sql {
  const { clusterId, definition, role, capabilities } = group[0]!;
  const routing = Prisma.sql`(definition = ${definition}${
    capabilities.length > 0 ? Prisma.sql` OR (definition IS NULL AND capability IN (${Prisma.join(capabilities)}))` : Prisma.empty
  }${role === "worker" ? Prisma.sql` OR (definition IS NULL AND capability IS NULL)` : Prisma.empty})`;
  const waiting = (status: Prisma.Sql) => Prisma.sql`
    SELECT * FROM (
      SELECT id, priority, created_at, rowid AS seq FROM tasks
      WHERE cluster_id = ${clusterId} AND ${status} AND ${routing}
      ORDER BY priority DESC, created_at LIMIT ${group.length}
    )`;
  const offered = Prisma.join(group.map((slot, index) => Prisma.sql`(${index + 1}, ${slot.agentId})`));
  return Prisma.sql`
    WITH picked AS MATERIALIZED (
      SELECT id, row_number() OVER (ORDER BY priority DESC, created_at, seq) AS slot FROM (
        ${waiting(Prisma.sql`status = 'queued'`)}
        UNION ALL
        ${waiting(Prisma.sql`status = 'failed' AND run_after <= ${now}`)}
      )
    ),
    offered(slot, agent_id) AS (VALUES ${offered})
    UPDATE tasks SET status = 'running', agent_id = offered.agent_id, attempt_count = attempt_count + 1,
      last_attempt = last_attempt + 1, started_at = ${now}, lease_expires_at = ${leaseEndSql(now, Prisma.sql`${now}`)},
      updated_at = ${now}
    FROM picked JOIN offered ON offered.slot = picked.slot
    WHERE tasks.id = picked.id
    RETURNING id, cluster_id, agent_id, last_attempt, input_json, metadata_json, timeout_s, lease_expires_at`;
}

/**
 * Ends the attempts whose agents still hold their lease: succeeded, or failed and waiting out
 * retryBackoffMs(attempts counted) before the next, or dead after the last attempt.
 */
function completeStatement(values: Prisma.Sql, now: number): Prisma.Sql {
  const backoff = Prisma.join(
    Array.from({ length: MAX_ATTEMPTS_LIMIT }, (_, index) => Prisma.sql`WHEN ${index + 1} THEN ${now + retryBackoffMs(index + 1)}`),
    " ",
  );
  const outlived = Prisma.sql`tasks.attempt_count >= tasks.max_attempts`;
  return Prisma.sql`
    WITH done(task_id, agent_id, attempt, outcome, result_json, error_json) AS (VALUES ${values})
    UPDATE tasks SET
      status = CASE WHEN done.outcome = 'succeeded' THEN 'succeeded' WHEN ${outlived} THEN 'dead' ELSE 'failed' END,
      result_json = done.result_json,
      error_json = COALESCE(done.error_json, tasks.error_json),
      finished_at = CASE WHEN done.outcome = 'failed' AND NOT ${outlived} THEN NULL ELSE ${now} END,
      run_after = CASE WHEN done.outcome = 'failed' AND NOT ${outlived} THEN CASE tasks.attempt_count ${backoff} ELSE ${now + retryBackoffMs(MAX_ATTEMPTS_LIMIT)} END ELSE tasks.run_after END,
      lease_expires_at = NULL, updated_at = ${now}
    FROM done
    WHERE tasks.id = done.task_id AND ${holdsLease(now, "done")}
    RETURNING tasks.id, tasks.cluster_id, tasks.status, tasks.run_after, tasks.agent_id, tasks.last_attempt`;
}

/** The agent still holds the lease of the attempt it names: running, its own, this attempt, not expired. */
function holdsLease(now: number, alias = "held"): Prisma.Sql {
  const from = Prisma.raw(alias);
  return Prisma.sql`tasks.status = 'running' AND tasks.agent_id = ${from}.agent_id AND tasks.last_attempt = ${from}.attempt AND tasks.lease_expires_at > ${now}`;
}

/** leaseEnd() in SQL: the end of a lease taken or renewed at `now` for an attempt that started at `startedAt`. */
function leaseEndSql(now: number, startedAt: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`MIN(${now + LEASE_MS}, ${startedAt} + tasks.timeout_s * 1000 + ${LEASE_MARGIN_MS})`;
}

/** A task's running attempt (there is at most one) ends with `outcome`. */
async function endRunningAttempts(
  tx: Prisma.TransactionClient,
  tasks: readonly MovedRow[],
  outcome: "lost",
  error: TaskError,
  now: number,
): Promise<void> {
  await inRowSlices(
    tasks,
    ROWS_PER_STATEMENT,
    (row) => [row.id],
    (values) => tx.$executeRaw`
      UPDATE task_attempts SET outcome = ${outcome}, ended_at = ${now}, error_json = ${JSON.stringify(error)}
      WHERE outcome = 'running' AND task_id IN (SELECT column1 FROM (VALUES ${values}))`,
  );
}
