// Examples in the document, taken from the example blueprint the console ships (marketing-v1) and
// the seed's requests: what a reader of /docs sees and what "Try it out" starts with. The
// validation answer is the validator's real answer for that blueprint, not a copy.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkBlueprint } from "@/lib/blueprint/check-blueprint";
import { loadBlueprint } from "@/lib/blueprint/load";
import type { HttpMethod } from "./operations";

/** The example blueprint the document's examples come from, read where `npm run console` loads the examples. */
export const EXAMPLE_BLUEPRINT_FILE = path.join("blueprints", "marketing.yaml");

export interface OperationExamples {
  body?: unknown;
  ok?: unknown;
}

export function operationExamples(): Map<`${HttpMethod} ${string}`, OperationExamples> {
  const yaml = readFileSync(EXAMPLE_BLUEPRINT_FILE, "utf8");
  const { metadata } = loadBlueprint(yaml);
  const copy = { id: `${metadata.id.replace(/-v\d+$/, "")}-copy-v1`, name: `${metadata.name} (copy)` };
  return new Map<`${HttpMethod} ${string}`, OperationExamples>([
    ["post /api/blueprints/validate", { body: { blueprint_yaml: yaml }, ok: checkBlueprint(yaml) }],
    [
      "post /api/blueprints",
      {
        body: {
          id: copy.id,
          name: copy.name,
          version: metadata.version,
          blueprint_yaml: yaml.replace(`id: ${metadata.id}`, `id: ${copy.id}`),
          tags: metadata.tags,
        },
      },
    ],
    ["put /api/blueprints/{id}", { body: { description: metadata.description, tags: metadata.tags } }],
    [
      "post /api/clusters",
      {
        body: {
          blueprint_id: metadata.id,
          name: "Q1 Marketing Campaign",
          type: "campaign",
          target_workers: 5,
          description: "Q1 launch campaign",
        },
      },
    ],
    ["put /api/clusters/{id}", { body: { name: "Q1 Marketing Campaign", max_workers: 12 } }],
    ["post /api/clusters/{id}/scale", { body: { target_workers: 10 } }],
    ["post /api/clusters/{id}/reactivate", { body: { target_workers: 3 } }],
    [
      "post /api/clusters/{id}/metrics",
      {
        body: {
          points: [
            { name: "queue_depth", value: 42 },
            { name: "error_rate", value: 0.02, ts: "2026-11-29T09:00:00Z" },
          ],
        },
      },
    ],
    ["put /api/clusters/{id}/autoscaler", { body: { pause: "scale_in" } }],
  ]);
}
