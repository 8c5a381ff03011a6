// One autoscaler tick: every active or hibernated cluster whose evaluation interval has come round
// gets its collected series recorded (workers, health and the metrics of its tasks) and, when its
// blueprint has a scaling section, a decision (decideScale) on the newest value of its metric,
// carried out at once. Reads and writes are batched across clusters, so the cost of a tick grows
// with the clusters that change, not with the clusters watched.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { inIdChunks, inRowSlices } from "@/lib/db/batches";
import { typedParameter } from "@/lib/db/dialect";
import type { ClusterTaskMetrics } from "@/lib/metrics/compute-task-metrics";
import { pruneMetricsNow } from "@/lib/metrics/prune-metrics";
import { pruneTasksNow } from "@/lib/tasks/prune-tasks";
import { storeMetricPoints } from "@/lib/metrics/store-points";
import { autoscalerTickDuration, countDecision } from "@/lib/observability/prometheus";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import type { AutoscalerDecisionView } from "./api-schema";
import { applyDecision, AUTOSCALER_ACTOR } from "./apply-decision";
import { type EvaluationRecord, parseDecision, parseHistory, parsePause, ROWS_PER_STATEMENT, saveEvaluations } from "./autoscaler-state";
import { collectSeries } from "./collect-series";
import { collectTaskMetrics } from "./collect-task-metrics";
import { decideScale, evaluationIntervalS, freshForMs } from "./decide";
import { loadScalingPolicies } from "./scaling-policies";

/** The blueprint format's default evaluation interval, for clusters whose blueprint has no scaling section. */
const COLLECTION_INTERVAL_S = 15;

/** A timeline entry for a decision that changed nothing: one per cluster, the latest. */
export const HOLD_EVENT_KIND = "autoscaler";

export interface TickResult {
  /** Clusters whose evaluation was due. */
  evaluated: number;
  /** Of those, clusters the autoscaler scaled, hibernated or reactivated. */
  changed: number;
  ms: number;
}

interface HoldEvent {
  clusterId: string;
  status: string;
  decision: AutoscalerDecisionView;
}

export async function runAutoscalerTick(runtime: AgentRuntime, now = Date.now()): Promise<TickResult> {
  const started = performance.now();
  const clusters = await db.cluster.findMany({
    where: { status: { in: ["active", "hibernated"] } },
    select: {
      id: true,
      status: true,
      revision: true,
      currentWorkers: true,
      minWorkers: true,
      maxWorkers: true,
      healthScore: true,
      blueprintId: true,
      blueprintRevision: true,
      startedAt: true,
      autoscaler: true,
    },
  });
  const due = clusters.filter((cluster) => (cluster.autoscaler?.nextEvaluationAt ?? 0) <= now);
  if (due.length === 0) return { evaluated: 0, changed: 0, ms: performance.now() - started };

  const policyOf = await loadScalingPolicies(due);
  const intervalSOf = (cluster: (typeof due)[number]) => {
    const policy = policyOf(cluster);
    return policy ? evaluationIntervalS(policy) : COLLECTION_INTERVAL_S;
  };
  const workerSeries = await collectSeries(due, now);
  const taskMetrics = await collectTaskMetrics(
    due.map((cluster) => ({ id: cluster.id, freshForMs: freshForMs(intervalSOf(cluster)) })),
    now,
  );
  // Stored before the decisions read the newest values, so a decision reads exactly what the charts show.
  await db.$transaction((tx) => storeMetricPoints(tx, [...workerSeries, ...taskMetrics.points], { origin: "collected" }));
  const watched = due.filter((cluster) => policyOf(cluster) !== null);
  const metricNames = [...new Set(watched.map((cluster) => policyOf(cluster)!.metric))];
  const latestRows = await inIdChunks(
    watched.map((cluster) => cluster.id),
    (ids) => db.metricLatest.findMany({ where: { clusterId: { in: ids }, name: { in: metricNames } } }),
  );
  const latest = new Map(latestRows.map((row) => [`${row.clusterId}/${row.name}`, row]));

  const records: EvaluationRecord[] = [];
  const holds: HoldEvent[] = [];
  let changed = 0;
  for (const cluster of due) {
    const policy = policyOf(cluster);
    const evaluation = { clusterId: cluster.id, nextEvaluationAt: now + intervalSOf(cluster) * 1000, lastEvaluatedAt: now };
    if (!policy) {
      records.push({ ...evaluation, history: [], decision: null });
      continue;
    }
    const series = latest.get(`${cluster.id}/${policy.metric}`);
    const idleSince = idleSinceOf(series, cluster.startedAt, taskMetrics.computed.get(cluster.id)!);
    const windowMs = Math.max(policy.scale_up_stabilization_s, policy.scale_down_stabilization_s) * 1000;
    const history = parseHistory(cluster.autoscaler?.historyJson).filter((entry) => now - entry.at <= windowMs);
    const decided = decideScale({
      now,
      policy,
      cluster,
      metric: series ? { value: series.value, at: series.ts } : null,
      idleSince,
      history,
      pause: parsePause(cluster.autoscaler?.pause),
    });
    const outcome = await applyDecision(cluster, decided, runtime);
    countDecision(outcome.action);
    if (outcome.action !== "none") changed += 1;
    const decision: AutoscalerDecisionView = {
      at: new Date(now).toISOString(),
      action: outcome.action,
      from_workers: cluster.currentWorkers,
      to_workers: outcome.workers,
      reason: outcome.reason,
    };
    if (outcome.action === "none" && outcome.reason !== parseDecision(cluster.autoscaler?.lastDecisionJson)?.reason)
      holds.push({ clusterId: cluster.id, status: cluster.status, decision });
    records.push({
      ...evaluation,
      history: decided.recommendation === null ? history : [...history, { at: now, workers: decided.recommendation }],
      decision,
    });
  }

  await db.$transaction(async (tx) => {
    await saveEvaluations(tx, records);
    await replaceHoldEvents(tx, holds);
  });
  // The collected series grow every tick even when nobody posts metrics, so retention rides along here too,
  // and the finished tasks' with it.
  await pruneMetricsNow(now);
  await pruneTasksNow(now);
  const ms = performance.now() - started;
  autoscalerTickDuration.observe(ms / 1000);
  return { evaluated: due.length, changed, ms };
}

/**
 * Idle counts from the metric's last non-zero value, the latest (re)activation or the end of the
 * latest attempt, whichever came last; never while a task waits or runs, whatever the metric says:
 * a cluster busy with long tasks shows no queue and finishes nothing for minutes, yet is not idle.
 */
function idleSinceOf(
  series: { value: number; firstTs: number; lastNonZeroTs: number | null } | undefined,
  startedAt: Date | null,
  tasks: ClusterTaskMetrics,
): number | null {
  if (series === undefined || series.value !== 0 || tasks.values.queue_depth + tasks.running > 0) return null;
  return Math.max(series.lastNonZeroTs ?? series.firstTs, startedAt?.getTime() ?? 0, tasks.lastAttemptEndedAt ?? 0);
}

/**
 * Each cluster keeps only its latest unchanged decision on the timeline; the changes are its own
 * events. One multi-row statement per 500 clusters: Prisma's createMany splits rows into many
 * small statements on SQLite, which cost half a second at 1,000 clusters. The driver adapter
 * stores the Date parameters exactly as Prisma's own writes do.
 */
async function replaceHoldEvents(tx: Prisma.TransactionClient, holds: readonly HoldEvent[]): Promise<void> {
  await inIdChunks(
    holds.map((hold) => hold.clusterId),
    async (ids) => [await tx.clusterEvent.deleteMany({ where: { kind: HOLD_EVENT_KIND, clusterId: { in: ids } } })],
  );
  await inRowSlices(
    holds,
    ROWS_PER_STATEMENT,
    (hold) => [
      typedParameter(hold.clusterId, "text"),
      typedParameter(HOLD_EVENT_KIND, "text"),
      typedParameter(hold.status, "text"),
      typedParameter(hold.status, "text"),
      typedParameter(hold.decision.from_workers, "integer"),
      typedParameter(hold.decision.to_workers, "integer"),
      typedParameter(hold.decision.reason, "text"),
      typedParameter(AUTOSCALER_ACTOR, "text"),
      typedParameter(new Date(hold.decision.at), "timestamp"),
    ],
    // A cluster deleted during the tick has no row to hang its event on.
    (values) =>
      tx.$executeRaw`INSERT INTO cluster_events (cluster_id, kind, from_status, to_status, from_workers, to_workers, reason, actor, created_at)
       SELECT column1, column2, column3, column4, column5, column6, column7, column8, column9
       FROM (VALUES ${values}) AS held
       WHERE EXISTS (SELECT 1 FROM clusters WHERE clusters.id = held.column1)`,
  );
}
