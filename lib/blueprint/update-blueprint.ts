// updateBlueprint: every change is a new revision, new YAML must carry a higher version, and the
// copy in BLUEPRINTS_DIR/<id>.yaml changes with the catalogue.
import semver from "semver";
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { forgetClusterViews } from "@/lib/cluster/cluster-view-cache";
import { db } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { assertRevisionMatches, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Blueprint as BlueprintRow, Prisma } from "@/lib/generated/prisma/client";
import type { BlueprintDetail, UpdateBlueprintRequest } from "./api-schema";
import { toBlueprintSummary } from "./blueprint-record";
import { assertFieldsAgreeWithYaml, catalogFieldsOf } from "./catalog-fields";
import { loadBlueprint } from "./load";
import { writeBlueprintCopy } from "./write-blueprint-copy";

export interface UpdateBlueprintOptions {
  audit: AuditContext;
  /** The revision from `If-Match`: a save based on an older revision is refused (409). */
  ifMatch?: number;
  /** Why, when the change is not typed by hand (a restore, say); it leads the audit summary. */
  reason?: string;
}

export async function updateBlueprint(
  id: string,
  changes: UpdateBlueprintRequest,
  options: UpdateBlueprintOptions,
): Promise<BlueprintDetail> {
  const parsed = changes.blueprint_yaml === undefined ? undefined : loadBlueprint(changes.blueprint_yaml);
  const { row, yaml } = await db.$transaction(async (tx) => {
    const current = await tx.blueprint.findUnique({ where: { id } });
    if (!current) throw new NotFoundError("blueprint", id);
    assertRevisionMatches("blueprint", current.currentRevision, options.ifMatch);
    const currentRevision = await tx.blueprintRevision.findUniqueOrThrow({
      where: { blueprintId_revision: { blueprintId: id, revision: current.currentRevision } },
    });
    if (parsed) assertNewYamlFits(current, parsed.metadata);
    const nextYaml = changes.blueprint_yaml ?? currentRevision.blueprintYaml;
    const next = parsed ?? loadBlueprint(nextYaml);
    assertFieldsAgreeWithYaml(next.metadata, changes);
    // Every save shows the YAML's metadata, which also mends a catalogue entry saved before it did.
    const fields = catalogFieldsOf(next.metadata);
    const data: Prisma.BlueprintUpdateInput = {
      name: fields.name,
      description: fields.description,
      tagsJson: JSON.stringify(fields.tags),
      version: next.metadata.version,
      agentCount: next.agents.length,
      isActive: changes.is_active,
      currentRevision: current.currentRevision + 1,
    };
    const updated = await tx.blueprint.update({ where: { id }, data });
    await tx.blueprintRevision.create({
      data: {
        blueprintId: id,
        revision: updated.currentRevision,
        version: updated.version,
        blueprintYaml: nextYaml,
        createdBy: options.audit.actorEmail,
      },
    });
    await recordAudit(tx, options.audit, {
      action: "blueprint.update",
      targetType: "blueprint",
      targetId: id,
      summary: `revision ${updated.currentRevision}: ${options.reason ? `${options.reason}, ` : ""}${describeBlueprintChange(current, updated, changes)}`,
    });
    if (parsed) await writeBlueprintCopy(id, nextYaml);
    // Cluster views name their blueprint's newest revision.
    afterCommit(tx, () => forgetClusterViews());
    return { row: updated, yaml: nextYaml };
  });
  return { ...toBlueprintSummary(row), blueprint_yaml: yaml };
}

function describeBlueprintChange(current: BlueprintRow, updated: BlueprintRow, changes: UpdateBlueprintRequest): string {
  const parts: string[] = [];
  if (changes.blueprint_yaml !== undefined) parts.push(`YAML ${current.version} -> ${updated.version}`);
  if (updated.name !== current.name) parts.push(`name "${current.name}" -> "${updated.name}"`);
  if (updated.description !== current.description) parts.push("description changed");
  if (updated.tagsJson !== current.tagsJson) parts.push(`tags ${(JSON.parse(updated.tagsJson) as string[]).join(", ") || "cleared"}`);
  if (updated.isActive !== current.isActive) parts.push(updated.isActive ? "activated" : "deactivated");
  return parts.length ? parts.join(", ") : "no change";
}

function assertNewYamlFits(current: BlueprintRow, metadata: { id: string; version: string }): void {
  if (metadata.id !== current.id) {
    throw new InvalidInputError("the YAML describes another blueprint", [
      { path: "blueprint_yaml", message: `metadata.id is "${metadata.id}", not "${current.id}"` },
    ]);
  }
  if (!semver.gt(metadata.version, current.version)) {
    throw new InvalidInputError("new YAML must carry a higher version", [
      { path: "blueprint_yaml", message: `metadata.version ${metadata.version} is not above the current ${current.version}` },
    ]);
  }
}
