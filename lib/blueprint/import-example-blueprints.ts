// importExampleBlueprints: loads the shipped example blueprints (example-blueprints.ts) into the catalogue.
// Idempotent: a blueprint already stored is left as it is, so later edits are never overwritten, and
// an example an admin deleted (the audit log holds its "blueprint.delete") stays deleted.
// Any other YAML file in the folder is named in the answer but never read: consoles before
// data/blueprints wrote their users' blueprints there, and the database, not those copies, holds them.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { catalogFieldsOf } from "./catalog-fields";
import { EXAMPLE_BLUEPRINTS } from "./example-blueprints";
import { readBlueprintBytes } from "./file";
import { loadBlueprint } from "./load";
import type { Blueprint } from "./schema";

export interface ExampleImport {
  /** Ids stored by this call. */
  imported: string[];
  /** Ids that were stored already. */
  kept: string[];
  /** Ids an admin deleted, which the seed leaves deleted. */
  deleted: string[];
  /** Files in the folder that are not, or no longer, a shipped example. */
  ignored: string[];
}

export async function importExampleBlueprints(directory: string): Promise<ExampleImport> {
  const others = new Set((await readdir(directory)).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml")));
  const result: ExampleImport = { imported: [], kept: [], deleted: [], ignored: [] };
  for (const example of EXAMPLE_BLUEPRINTS) {
    // An example someone deleted is simply not offered.
    if (!others.delete(example.file)) continue;
    const bytes = await readBlueprintBytes(path.join(directory, example.file));
    const blueprint = loadBlueprint(bytes);
    if (blueprint.metadata.id !== example.id) {
      result.ignored.push(example.file);
      continue;
    }
    const outcome = await storeExample(blueprint, new TextDecoder().decode(bytes));
    result[outcome].push(example.id);
  }
  result.ignored = [...result.ignored, ...others].sort();
  return result;
}

async function storeExample(blueprint: Blueprint, yaml: string): Promise<"imported" | "kept" | "deleted"> {
  const { id, version } = blueprint.metadata;
  const { name, description, tags } = catalogFieldsOf(blueprint.metadata);
  return db.$transaction(async (tx) => {
    if (await tx.blueprint.findUnique({ where: { id }, select: { id: true } })) return "kept";
    const deletion = { action: "blueprint.delete", targetType: "blueprint", targetId: id };
    if (await tx.auditEntry.findFirst({ where: deletion, select: { id: true } })) return "deleted";
    await tx.blueprint.create({
      data: {
        id,
        name,
        version,
        description,
        tagsJson: JSON.stringify(tags),
        agentCount: blueprint.agents.length,
        currentRevision: 1,
        revisions: { create: { revision: 1, version, blueprintYaml: yaml, createdBy: "example import" } },
      },
    });
    return "imported";
  });
}
