// previewCluster: what POST /api/clusters would create, validated, without creating anything.
import type { Finding } from "@/lib/blueprint/finding";
import { findCurrentBlueprint } from "@/lib/blueprint/get-blueprint";
import { type ClusterPlan, ClusterPlanError, planCluster } from "@/lib/blueprint/plan";
import { validateBlueprint } from "@/lib/blueprint/validate";
import type { CreateClusterRequest } from "./api-schema";

/** Findings in the blueprint carry their line and column; findings in the request's overrides have none. */
export interface ClusterPreview {
  valid: boolean;
  errors: Array<Omit<Finding, "line" | "column"> & Partial<Pick<Finding, "line" | "column">>>;
  warnings: Finding[];
  plan: ClusterPlan | null;
}

export async function previewCluster(input: CreateClusterRequest): Promise<ClusterPreview> {
  const { yaml } = await findCurrentBlueprint(input.blueprint_id);
  const { valid, errors, warnings, blueprint } = validateBlueprint(yaml);
  if (!blueprint) return { valid, errors, warnings, plan: null };
  try {
    return { valid: true, errors: [], warnings, plan: planCluster(blueprint, input) };
  } catch (error) {
    if (!(error instanceof ClusterPlanError)) throw error;
    const overrideErrors = error.issues.map((issue) => ({ severity: "error" as const, path: issue.path, message: issue.message }));
    return { valid: false, errors: overrideErrors, warnings, plan: null };
  }
}
