// What a cluster's agents need to run tasks, per agent definition: the executor (the definition's
// own, else the cluster config's), how many tasks one agent runs at once, and what the executor is
// told about the agent. Read once per cluster from the blueprint revision it was spawned from.
import { executorSchema, type ExecutorConfig } from "@/lib/blueprint/executor-schema";
import { db } from "@/lib/db";
import { loadClusterBlueprint } from "@/lib/cluster/load-cluster-blueprint";

export interface DefinitionWork {
  /** null when neither the definition nor the cluster names one: its tasks fail with a clear error. */
  executor: ExecutorConfig | null;
  /** Why `executor` is null, in words for the attempt's error. */
  executorProblem?: string;
  concurrency: number;
  description: string | null;
  skills: readonly string[];
}

export type ClusterWork = ReadonlyMap<string, DefinitionWork>;

export async function loadClusterWork(clusterId: string): Promise<ClusterWork | null> {
  const cluster = await db.cluster.findUnique({
    where: { id: clusterId },
    select: { blueprintId: true, blueprintRevision: true, configJson: true },
  });
  if (!cluster) return null;
  const blueprint = await loadClusterBlueprint(cluster);
  const clusterDefault = clusterExecutor(cluster.configJson);
  return new Map(
    blueprint.agents.map((definition): [string, DefinitionWork] => {
      const executor = definition.executor ?? clusterDefault.executor;
      return [
        definition.name,
        {
          executor,
          executorProblem: executor ? undefined : (clusterDefault.problem ?? `agent definition "${definition.name}" has no executor`),
          concurrency: definition.concurrency ?? 1,
          description: definition.description ?? null,
          skills: definition.skills ?? [],
        },
      ];
    }),
  );
}

/** The cluster's stored config holds the blueprint's `cluster.config` merged with the creator's overrides. */
function clusterExecutor(configJson: string): { executor: ExecutorConfig | null; problem?: string } {
  const config = JSON.parse(configJson) as { executor?: unknown };
  if (config.executor === undefined) return { executor: null };
  const parsed = executorSchema.safeParse(config.executor);
  if (parsed.success) return { executor: parsed.data };
  return { executor: null, problem: `the cluster's config.executor is not valid: ${parsed.error.issues[0]?.message ?? "unknown shape"}` };
}
