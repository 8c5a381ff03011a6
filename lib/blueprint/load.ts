// Loading a blueprint from text: valid or a BlueprintInvalidError carrying every finding.
import { BlueprintInvalidError } from "./errors";
import type { Blueprint } from "./schema";
import { validateBlueprint } from "./validate";

export function loadBlueprint(source: string | Uint8Array): Blueprint {
  const result = validateBlueprint(source);
  if (!result.blueprint) throw new BlueprintInvalidError(result.errors);
  return result.blueprint;
}
