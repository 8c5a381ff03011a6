// restoreRevision: an old revision's text is saved again as the blueprint's newest revision.
import semver from "semver";
import type { AuditContext } from "@/lib/audit/audit-context";
import { db } from "@/lib/db";
import type { BlueprintDetail } from "./api-schema";
import { getRevision } from "./get-revision";
import { setYamlVersion } from "./set-yaml-version";
import { updateBlueprint } from "./update-blueprint";

/**
 * The restored text's version is raised one patch above the current one, because every saved
 * change of the YAML must carry a higher version. Only that scalar changes: the rest of the text is
 * the revision's own, byte for byte.
 */
export async function restoreRevision(
  blueprintId: string,
  revision: number,
  options: { audit: AuditContext; ifMatch?: number },
): Promise<BlueprintDetail> {
  const old = await getRevision(blueprintId, revision);
  const current = await db.blueprint.findUniqueOrThrow({ where: { id: blueprintId }, select: { version: true } });
  const version = semver.inc(current.version, "patch")!;
  // A stored revision was valid when saved, so its version scalar is there to rewrite.
  const restored = setYamlVersion(old.blueprint_yaml, version) ?? old.blueprint_yaml;
  return updateBlueprint(blueprintId, { blueprint_yaml: restored }, { ...options, reason: `restored revision ${revision}` });
}
