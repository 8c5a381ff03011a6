// getBlueprintOrThrow and findCurrentBlueprint: one stored blueprint with the YAML of its current revision.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Blueprint as BlueprintRow } from "@/lib/generated/prisma/client";
import type { BlueprintDetail } from "./api-schema";
import { toBlueprintSummary } from "./blueprint-record";

/** The stored row and its current YAML and revision number; the current revision is always the newest. */
export async function findCurrentBlueprint(id: string): Promise<{ row: BlueprintRow; yaml: string; revision: number }> {
  const found = await db.blueprint.findUnique({ where: { id }, include: { revisions: { orderBy: { revision: "desc" }, take: 1 } } });
  if (!found) throw new NotFoundError("blueprint", id);
  const { revisions, ...row } = found;
  return { row, yaml: revisions[0]!.blueprintYaml, revision: revisions[0]!.revision };
}

export async function getBlueprintOrThrow(id: string, options: { includeYaml: boolean }): Promise<BlueprintDetail> {
  if (!options.includeYaml) {
    const row = await db.blueprint.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("blueprint", id);
    return toBlueprintSummary(row);
  }
  const { row, yaml } = await findCurrentBlueprint(id);
  return { ...toBlueprintSummary(row), blueprint_yaml: yaml };
}
