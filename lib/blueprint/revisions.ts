// A blueprint's history: every saved revision with author, time and version; one revision's YAML;
// and restoring an old revision, which saves its text as a new revision.
import semver from "semver";
import { parseDocument } from "yaml";
import type { AuditContext } from "@/lib/audit/audit-context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { BlueprintRevision } from "@/lib/generated/prisma/client";
import type { BlueprintDetail, RevisionDetail, RevisionSummary } from "./api-schema";
import { updateBlueprint } from "./save-blueprint";

export async function listRevisions(blueprintId: string): Promise<RevisionSummary[]> {
  const blueprint = await db.blueprint.findUnique({ where: { id: blueprintId }, select: { id: true } });
  if (!blueprint) throw new NotFoundError("blueprint", blueprintId);
  const rows = await db.blueprintRevision.findMany({ where: { blueprintId }, orderBy: { revision: "desc" } });
  return rows.map(toRevisionSummary);
}

export async function getRevision(blueprintId: string, revision: number): Promise<RevisionDetail> {
  const row = await db.blueprintRevision.findUnique({ where: { blueprintId_revision: { blueprintId, revision } } });
  if (!row) throw new NotFoundError("blueprint revision", `${blueprintId}#${revision}`);
  return { ...toRevisionSummary(row), blueprint_yaml: row.blueprintYaml };
}

/**
 * The old revision's text becomes the newest revision. Its version is raised one patch above the
 * current one, because every saved change of the YAML must carry a higher version.
 */
export async function restoreRevision(
  blueprintId: string,
  revision: number,
  options: { audit: AuditContext; ifMatch?: number },
): Promise<BlueprintDetail> {
  const old = await getRevision(blueprintId, revision);
  const current = await db.blueprint.findUniqueOrThrow({ where: { id: blueprintId }, select: { version: true } });
  const document = parseDocument(old.blueprint_yaml);
  document.setIn(["metadata", "version"], semver.inc(current.version, "patch"));
  return updateBlueprint(blueprintId, { blueprint_yaml: document.toString() }, { ...options, reason: `restored revision ${revision}` });
}

function toRevisionSummary(row: BlueprintRevision): RevisionSummary {
  return { revision: row.revision, version: row.version, created_at: row.createdAt.toISOString(), created_by: row.createdBy };
}
