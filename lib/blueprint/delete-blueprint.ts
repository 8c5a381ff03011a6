// deleteBlueprint: removes a blueprint that no cluster uses, with its revisions (cascade) and its
// copy in BLUEPRINTS_DIR; a blueprint a cluster still uses is refused (409), naming the clusters.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { removeBlueprintCopy } from "./write-blueprint-copy";

/** How many of the clusters in the way a refusal names. */
const NAMED_CLUSTERS = 3;

export async function deleteBlueprint(id: string, options: { audit: AuditContext }): Promise<void> {
  await db.$transaction(async (tx) => {
    const blueprint = await tx.blueprint.findUnique({ where: { id } });
    if (!blueprint) throw new NotFoundError("blueprint", id);
    const users = await tx.cluster.findMany({ where: { blueprintId: id }, select: { name: true }, orderBy: { name: "asc" } });
    if (users.length > 0) {
      const named = users.slice(0, NAMED_CLUSTERS).map((cluster) => `"${cluster.name}"`);
      const more = users.length > NAMED_CLUSTERS ? ` and ${users.length - NAMED_CLUSTERS} more` : "";
      throw new ConflictError(
        `blueprint "${id}" is used by ${users.length} cluster${users.length === 1 ? "" : "s"} (${named.join(", ")}${more}); delete ${users.length === 1 ? "it" : "them"} first, or deactivate the blueprint instead`,
      );
    }
    await tx.blueprint.delete({ where: { id } });
    await recordAudit(tx, options.audit, {
      action: "blueprint.delete",
      targetType: "blueprint",
      targetId: id,
      summary: `${blueprint.name}: deleted with ${blueprint.currentRevision} revision${blueprint.currentRevision === 1 ? "" : "s"}`,
    });
    // Last, so a failure to remove the file rolls the deletion back rather than leaving a stray copy.
    await removeBlueprintCopy(id);
  });
}
