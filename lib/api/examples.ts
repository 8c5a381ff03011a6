// The example blueprint the console ships (marketing-v1), read once when the document is first
// built: request and answer examples in the operation declarations come from it, so /docs and
// "Try it out" show real data, and the validate example is the validator's own answer.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadBlueprint } from "@/lib/blueprint/load";
import type { Blueprint } from "@/lib/blueprint/schema";

/** Read where `npm run console` loads the examples from. */
export const EXAMPLE_BLUEPRINT_FILE = path.join("blueprints", "marketing.yaml");

interface ExampleBlueprint {
  yaml: string;
  metadata: Blueprint["metadata"];
}

let example: ExampleBlueprint | undefined;

export function exampleBlueprint(): ExampleBlueprint {
  if (example) return example;
  const yaml = readFileSync(EXAMPLE_BLUEPRINT_FILE, "utf8");
  example = { yaml, metadata: loadBlueprint(yaml).metadata };
  return example;
}
