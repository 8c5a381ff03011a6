// importExampleBlueprints: loads blueprints/*.yaml into an empty catalogue on first start.
// Idempotent: a blueprint already stored is left as it is, so later edits are never overwritten.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { readBlueprintBytes } from "./file";
import { loadBlueprint } from "./load";

export async function importExampleBlueprints(directory: string): Promise<{ imported: string[]; kept: string[] }> {
  const files = (await readdir(directory)).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml")).sort();
  const imported: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const bytes = await readBlueprintBytes(path.join(directory, file));
    const blueprint = loadBlueprint(bytes);
    const yaml = new TextDecoder().decode(bytes);
    const { id, name, version, description, tags } = blueprint.metadata;
    const created = await db.$transaction(async (tx) => {
      if (await tx.blueprint.findUnique({ where: { id }, select: { id: true } })) return false;
      await tx.blueprint.create({
        data: {
          id,
          name,
          version,
          description: description ?? null,
          tagsJson: JSON.stringify(tags ?? []),
          agentCount: blueprint.agents.length,
          currentRevision: 1,
          revisions: { create: { revision: 1, version, blueprintYaml: yaml, createdBy: "example import" } },
        },
      });
      return true;
    });
    (created ? imported : kept).push(id);
  }
  return { imported, kept };
}
