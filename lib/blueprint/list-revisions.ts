// listRevisions: a blueprint's history, newest first: every saved revision with author, time and version.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { RevisionSummary } from "./api-schema";
import { toRevisionSummary } from "./blueprint-record";

export async function listRevisions(blueprintId: string): Promise<RevisionSummary[]> {
  const blueprint = await db.blueprint.findUnique({ where: { id: blueprintId }, select: { id: true } });
  if (!blueprint) throw new NotFoundError("blueprint", blueprintId);
  const rows = await db.blueprintRevision.findMany({ where: { blueprintId }, orderBy: { revision: "desc" } });
  return rows.map(toRevisionSummary);
}
