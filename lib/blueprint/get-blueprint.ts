// getBlueprintOrThrow: one blueprint, with the YAML of its current revision when asked for.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { BlueprintDetail } from "./api-schema";
import { toBlueprintSummary } from "./blueprint-record";

export async function getBlueprintOrThrow(id: string, options: { includeYaml: boolean }): Promise<BlueprintDetail> {
  const row = await db.blueprint.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("blueprint", id);
  if (!options.includeYaml) return toBlueprintSummary(row);
  const revision = await db.blueprintRevision.findUniqueOrThrow({
    where: { blueprintId_revision: { blueprintId: id, revision: row.currentRevision } },
  });
  return { ...toBlueprintSummary(row), blueprint_yaml: revision.blueprintYaml };
}
