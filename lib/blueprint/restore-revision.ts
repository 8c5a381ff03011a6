// restoreRevision: an old revision's text is saved again as the blueprint's newest revision.
import semver from "semver";
import { parseDocument } from "yaml";
import type { AuditContext } from "@/lib/audit/audit-context";
import { db } from "@/lib/db";
import type { BlueprintDetail } from "./api-schema";
import { getRevision } from "./get-revision";
import { updateBlueprint } from "./update-blueprint";

/**
 * The restored text's version is raised one patch above the current one, because every saved
 * change of the YAML must carry a higher version.
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
