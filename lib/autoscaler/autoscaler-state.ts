// What the autoscaler keeps per cluster between evaluations (the autoscaler_states row), read and
// written in bulk: one statement per 500 clusters, so a tick over a thousand costs two.
import { inRowSlices } from "@/lib/db/batches";
import { typedParameter } from "@/lib/db/dialect";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUTOSCALER_PAUSES, type AutoscalerDecisionView } from "./api-schema";
import type { AutoscalerPause, Recommendation } from "./decide";

export interface EvaluationRecord {
  clusterId: string;
  nextEvaluationAt: number;
  lastEvaluatedAt: number;
  history: readonly Recommendation[];
  /** Null for a cluster without a policy: there was nothing to decide. */
  decision: AutoscalerDecisionView | null;
}

/** Rows per multi-row statement of the autoscaler's writes (states and timeline entries). */
export const ROWS_PER_STATEMENT = 500;

export function parseHistory(json: string | undefined): Recommendation[] {
  return json ? (JSON.parse(json) as Recommendation[]) : [];
}

export function parseDecision(json: string | null | undefined): AutoscalerDecisionView | null {
  return json ? (JSON.parse(json) as AutoscalerDecisionView) : null;
}

export function parsePause(value: string | undefined): AutoscalerPause {
  return AUTOSCALER_PAUSES.find((pause) => pause === value) ?? "none";
}

/**
 * Upserts the evaluation columns; `pause` is never touched, so an operator's pause set meanwhile
 * stays. A cluster deleted during the tick is skipped rather than failing the batch.
 */
export async function saveEvaluations(tx: Prisma.TransactionClient, records: readonly EvaluationRecord[]): Promise<void> {
  await inRowSlices(
    records,
    ROWS_PER_STATEMENT,
    (record) => [
      typedParameter(record.clusterId, "text"),
      typedParameter(record.nextEvaluationAt, "double"),
      typedParameter(record.lastEvaluatedAt, "double"),
      typedParameter(JSON.stringify(record.history), "text"),
      typedParameter(record.decision ? JSON.stringify(record.decision) : null, "text"),
    ],
    (values) =>
      tx.$executeRaw`INSERT INTO autoscaler_states (cluster_id, next_evaluation_at, last_evaluated_at, history_json, last_decision_json)
       SELECT column1, column2, column3, column4, column5 FROM (VALUES ${values}) AS evaluated
       WHERE EXISTS (SELECT 1 FROM clusters WHERE clusters.id = evaluated.column1)
       ON CONFLICT (cluster_id) DO UPDATE SET
         next_evaluation_at = excluded.next_evaluation_at,
         last_evaluated_at = excluded.last_evaluated_at,
         history_json = excluded.history_json,
         last_decision_json = COALESCE(excluded.last_decision_json, autoscaler_states.last_decision_json)`,
  );
}
