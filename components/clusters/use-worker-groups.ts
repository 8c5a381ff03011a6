"use client";
// The worker groups of the blueprint revision a cluster came from, and how a worker total would
// spread over them: the same distributeWorkers the server scales with.
import { useMemo } from "react";
import { distributeWorkers } from "@/lib/blueprint/distribute-workers";
import { countBounds } from "@/lib/blueprint/rules";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { useRevision } from "@/lib/client/blueprint-hooks";
import type { ClusterView } from "@/lib/cluster/api-schema";
import { workerDefinitions } from "@/lib/cluster/worker-pool";

export interface WorkerGroup {
  name: string;
  lo: number;
  hi: number;
}

export function useWorkerGroups(cluster: Pick<ClusterView, "blueprint_id" | "blueprint_revision">): WorkerGroup[] | undefined {
  const revision = useRevision(cluster.blueprint_id, cluster.blueprint_revision);
  const yaml = revision.data?.blueprint_yaml;
  return useMemo(() => {
    if (yaml === undefined) return undefined;
    const blueprint = validateBlueprint(yaml).blueprint;
    if (!blueprint) return [];
    return workerDefinitions(blueprint).map((definition) => ({ name: definition.name, ...countBounds(definition.count)! }));
  }, [yaml]);
}

/** Workers per group at `total`, or null when the groups cannot hold that total. */
export function spreadWorkers(groups: readonly WorkerGroup[], total: number): number[] | null {
  try {
    return distributeWorkers(groups, total);
  } catch {
    return null;
  }
}
