"use client";
// The cluster settings a blueprint gives (type and worker limits), read from its YAML with the
// same validator the server uses: what a create request without overrides gets.
import { useMemo } from "react";
import type { ClusterType } from "@/lib/blueprint/schema";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { useBlueprint } from "@/lib/client/blueprint-hooks";

export interface BlueprintClusterSettings {
  type: ClusterType;
  min: number;
  max: number;
  target: number;
}

export function useBlueprintClusterSettings(blueprintId: string | undefined): BlueprintClusterSettings | undefined {
  const yaml = useBlueprint(blueprintId).data?.blueprint_yaml;
  return useMemo(() => {
    const cluster = yaml === undefined ? undefined : validateBlueprint(yaml).blueprint?.cluster;
    if (!cluster) return undefined;
    return {
      type: cluster.type,
      min: cluster.min_workers,
      max: cluster.max_workers,
      target: cluster.target_workers ?? cluster.min_workers,
    };
  }, [yaml]);
}
