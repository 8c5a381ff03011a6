// getRevision: one saved revision of a blueprint with its YAML.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { RevisionDetail } from "./api-schema";
import { toRevisionSummary } from "./blueprint-record";

export async function getRevision(blueprintId: string, revision: number): Promise<RevisionDetail> {
  const row = await db.blueprintRevision.findUnique({ where: { blueprintId_revision: { blueprintId, revision } } });
  if (!row) throw new NotFoundError("blueprint revision", `${blueprintId}#${revision}`);
  return { ...toRevisionSummary(row), blueprint_yaml: row.blueprintYaml };
}
