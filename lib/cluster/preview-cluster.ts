// previewCluster: what POST /api/clusters would create, validated, without creating anything.
import { type BlueprintCheck, checkBlueprint } from "@/lib/blueprint/check-blueprint";
import { findCurrentBlueprint } from "@/lib/blueprint/get-blueprint";
import type { CreateClusterRequest } from "./api-schema";

export async function previewCluster(input: CreateClusterRequest): Promise<BlueprintCheck> {
  const { yaml } = await findCurrentBlueprint(input.blueprint_id);
  return checkBlueprint(yaml, input);
}
