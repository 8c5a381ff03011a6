"use client";
// The definitions and capabilities a task of this cluster may name: read from the blueprint
// revision the cluster was spawned from (the one the API checks submissions against), with the
// same validator the server uses.
import { useMemo } from "react";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { useRevision } from "@/lib/client/blueprint-hooks";
import type { ClusterView } from "@/lib/cluster/api-schema";
import { type TaskRoutes, taskRoutesOf } from "./task-format";

export function useTaskRoutes(cluster: Pick<ClusterView, "blueprint_id" | "blueprint_revision">): TaskRoutes | undefined {
  const yaml = useRevision(cluster.blueprint_id, cluster.blueprint_revision).data?.blueprint_yaml;
  return useMemo(() => {
    const blueprint = yaml === undefined ? undefined : validateBlueprint(yaml).blueprint;
    return blueprint ? taskRoutesOf(blueprint) : undefined;
  }, [yaml]);
}
