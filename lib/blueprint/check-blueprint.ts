// checkBlueprint: findings plus the spawn plan of a valid blueprint, for the validate route and
// for a cluster's dry run (which adds the creation overrides).
import type { Finding } from "./finding";
import { type ClusterOverrides, type ClusterPlan, ClusterPlanError, planCluster } from "./plan";
import { validateBlueprint } from "./validate";

/** Findings in the YAML carry their line and column; findings in the overrides have none. */
export type CheckFinding = Omit<Finding, "line" | "column"> & Partial<Pick<Finding, "line" | "column">>;

export interface BlueprintCheck {
  valid: boolean;
  errors: CheckFinding[];
  warnings: Finding[];
  plan: ClusterPlan | null;
}

export function checkBlueprint(yaml: string, overrides: ClusterOverrides = {}): BlueprintCheck {
  const { valid, errors, warnings, blueprint } = validateBlueprint(yaml);
  if (!blueprint) return { valid, errors, warnings, plan: null };
  try {
    return { valid: true, errors: [], warnings, plan: planCluster(blueprint, overrides) };
  } catch (error) {
    if (!(error instanceof ClusterPlanError)) throw error;
    return { valid: false, errors: error.issues.map(({ path, message }) => ({ severity: "error", path, message })), warnings, plan: null };
  }
}
