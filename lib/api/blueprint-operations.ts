// The blueprint catalogue's operations: list, create, read, update, delete, revisions, restore, validate.
import { checkBlueprint } from "@/lib/blueprint/check-blueprint";
import {
  blueprintCheckSchema,
  blueprintDetailSchema,
  blueprintIdParamsSchema,
  blueprintSummarySchema,
  createBlueprintRequestSchema,
  getBlueprintQuerySchema,
  listBlueprintsQuerySchema,
  revisionDetailSchema,
  revisionListSchema,
  revisionParamsSchema,
  updateBlueprintRequestSchema,
  validateBlueprintRequestSchema,
} from "@/lib/blueprint/api-schema";
import { pageOf } from "@/lib/shapes/pagination";
import { exampleBlueprint } from "./examples";
import type { OperationTable } from "./operation";

export const blueprintOperations = {
  "/api/blueprints": {
    GET: {
      summary: "List blueprints",
      access: "viewer",
      query: listBlueprintsQuerySchema,
      ok: { status: 200, description: "A page of blueprints.", schema: pageOf(blueprintSummarySchema) },
    },
    POST: {
      summary: "Create a blueprint",
      access: "admin",
      body: createBlueprintRequestSchema,
      ok: { status: 201, description: "The blueprint, revision 1.", schema: blueprintDetailSchema },
      refusals: [{ status: 409, description: "A blueprint with this id exists." }],
      examples: () => {
        const { yaml, metadata } = exampleBlueprint();
        const copy = { id: `${metadata.id.replace(/-v\d+$/, "")}-copy-v1`, name: `${metadata.name} (copy)` };
        // The catalogue shows the YAML's metadata, so the copy's id and name change in the YAML too.
        const blueprint_yaml = yaml.replace(`id: ${metadata.id}`, `id: ${copy.id}`).replace(`name: ${metadata.name}`, `name: ${copy.name}`);
        return { body: { ...copy, version: metadata.version, blueprint_yaml, tags: metadata.tags } };
      },
    },
  },
  "/api/blueprints/{id}": {
    GET: {
      summary: "Get a blueprint",
      access: "viewer",
      params: blueprintIdParamsSchema,
      query: getBlueprintQuerySchema,
      ok: { status: 200, description: "The blueprint, with its YAML when include_yaml is true.", schema: blueprintDetailSchema },
    },
    PUT: {
      summary: "Update a blueprint (a new revision)",
      access: "admin",
      params: blueprintIdParamsSchema,
      conditional: true,
      body: updateBlueprintRequestSchema,
      ok: { status: 200, description: "The blueprint at its new revision.", schema: blueprintDetailSchema },
      refusals: [{ status: 409, description: "The new YAML's version is not higher." }],
      examples: () => ({ body: { description: exampleBlueprint().metadata.description, tags: exampleBlueprint().metadata.tags } }),
    },
    DELETE: {
      summary: "Delete a blueprint",
      description:
        "Removes the blueprint with every revision and its copy in `BLUEPRINTS_DIR`, and writes an audit line. A blueprint that clusters still use is refused with 409 naming them: delete the clusters first, or deactivate the blueprint instead (`PUT` with `is_active: false`), which keeps it for its clusters and hides it from new ones. A deleted shipped example stays deleted: the seed does not import it again.",
      access: "admin",
      params: blueprintIdParamsSchema,
      ok: { status: 204, description: "Deleted." },
      refusals: [
        { status: 404, description: "No such blueprint." },
        { status: 409, description: "Clusters still use the blueprint." },
      ],
    },
  },
  "/api/blueprints/{id}/revisions": {
    GET: {
      summary: "List a blueprint's revisions",
      access: "viewer",
      params: blueprintIdParamsSchema,
      ok: { status: 200, description: "Every revision, newest first.", schema: revisionListSchema },
    },
  },
  "/api/blueprints/{id}/revisions/{revision}": {
    GET: {
      summary: "Get one revision",
      access: "viewer",
      params: revisionParamsSchema,
      ok: { status: 200, description: "The revision with its YAML.", schema: revisionDetailSchema },
    },
  },
  "/api/blueprints/{id}/revisions/{revision}/restore": {
    POST: {
      summary: "Restore a revision as the newest",
      access: "admin",
      params: revisionParamsSchema,
      conditional: true,
      ok: { status: 200, description: "The blueprint at the restored revision.", schema: blueprintDetailSchema },
    },
  },
  "/api/blueprints/validate": {
    POST: {
      summary: "Validate blueprint YAML without saving",
      access: "viewer",
      body: validateBlueprintRequestSchema,
      ok: { status: 200, description: "Every finding with line and column, and the spawn plan when valid.", schema: blueprintCheckSchema },
      examples: () => ({ body: { blueprint_yaml: exampleBlueprint().yaml }, ok: checkBlueprint(exampleBlueprint().yaml) }),
    },
  },
} as const satisfies OperationTable;
