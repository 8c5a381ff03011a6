// createBlueprint: a new catalogue entry at revision 1, with its YAML copied to BLUEPRINTS_DIR/<id>.yaml.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { BlueprintDetail, CreateBlueprintRequest } from "./api-schema";
import { toBlueprintSummary } from "./blueprint-record";
import { assertFieldsAgreeWithYaml, catalogFieldsOf } from "./catalog-fields";
import { loadBlueprint } from "./load";
import { writeBlueprintCopy } from "./write-blueprint-copy";

export async function createBlueprint(input: CreateBlueprintRequest, options: { audit: AuditContext }): Promise<BlueprintDetail> {
  const blueprint = loadBlueprint(input.blueprint_yaml);
  const mismatches = [
    blueprint.metadata.id !== input.id && { path: "id", message: `the YAML's metadata.id is "${blueprint.metadata.id}"` },
    blueprint.metadata.version !== input.version && {
      path: "version",
      message: `the YAML's metadata.version is "${blueprint.metadata.version}"`,
    },
  ].filter((mismatch) => mismatch !== false);
  if (mismatches.length > 0) throw new InvalidInputError("the request and the YAML's metadata disagree", mismatches);
  assertFieldsAgreeWithYaml(blueprint.metadata, input);
  const fields = catalogFieldsOf(blueprint.metadata);
  const row = await db.$transaction(async (tx) => {
    if (await tx.blueprint.findUnique({ where: { id: input.id }, select: { id: true } })) {
      throw new ConflictError(`a blueprint with id "${input.id}" already exists; update it with PUT /api/blueprints/${input.id}`);
    }
    const created = await tx.blueprint.create({
      data: {
        id: input.id,
        name: fields.name,
        version: input.version,
        description: fields.description,
        tagsJson: JSON.stringify(fields.tags),
        agentCount: blueprint.agents.length,
        revisions: {
          create: { revision: 1, version: input.version, blueprintYaml: input.blueprint_yaml, createdBy: options.audit.actorEmail },
        },
      },
    });
    await recordAudit(tx, options.audit, {
      action: "blueprint.create",
      targetType: "blueprint",
      targetId: input.id,
      summary: `${fields.name} ${input.version} with ${blueprint.agents.length} agent definitions`,
    });
    // Inside the transaction: a failed write rolls the database back too.
    await writeBlueprintCopy(input.id, input.blueprint_yaml);
    return created;
  });
  return { ...toBlueprintSummary(row), blueprint_yaml: input.blueprint_yaml };
}
