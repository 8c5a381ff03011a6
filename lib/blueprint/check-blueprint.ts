// checkBlueprint: the validate route's answer, findings plus the spawn plan of a valid blueprint.
import type { Finding } from "./finding";
import { type ClusterPlan, planCluster } from "./plan";
import { validateBlueprint } from "./validate";

export interface BlueprintCheck {
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
  plan: ClusterPlan | null;
}

export function checkBlueprint(yaml: string): BlueprintCheck {
  const { valid, errors, warnings, blueprint } = validateBlueprint(yaml);
  return { valid, errors, warnings, plan: blueprint ? planCluster(blueprint) : null };
}
