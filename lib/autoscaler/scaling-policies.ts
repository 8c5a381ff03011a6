// The scaling section of the blueprint revision each cluster was spawned from. Revisions never
// change once written, so what was read once is kept for the life of the process: a tick over a
// thousand clusters parses each blueprint once, not once per cluster and tick.
import { loadBlueprint } from "@/lib/blueprint/load";
import type { ScalingPolicy } from "@/lib/blueprint/schema";
import { db } from "@/lib/db";

export interface BlueprintRevisionRef {
  blueprintId: string;
  blueprintRevision: number;
}

const cache = new Map<string, ScalingPolicy | null>();
const keyOf = (ref: BlueprintRevisionRef) => `${ref.blueprintId}@${ref.blueprintRevision}`;

/** The policies of the given revisions; null for a revision without a scaling section. */
export async function loadScalingPolicies(
  refs: readonly BlueprintRevisionRef[],
): Promise<(ref: BlueprintRevisionRef) => ScalingPolicy | null> {
  const missing = [...new Map(refs.filter((ref) => !cache.has(keyOf(ref))).map((ref) => [keyOf(ref), ref])).values()];
  if (missing.length > 0) {
    const rows = await db.blueprintRevision.findMany({
      where: { OR: missing.map((ref) => ({ blueprintId: ref.blueprintId, revision: ref.blueprintRevision })) },
      select: { blueprintId: true, revision: true, blueprintYaml: true },
    });
    for (const row of rows)
      cache.set(
        keyOf({ blueprintId: row.blueprintId, blueprintRevision: row.revision }),
        loadBlueprint(row.blueprintYaml).cluster.scaling ?? null,
      );
  }
  return (ref) => cache.get(keyOf(ref)) ?? null;
}

export async function loadScalingPolicy(ref: BlueprintRevisionRef): Promise<ScalingPolicy | null> {
  return (await loadScalingPolicies([ref]))(ref);
}
