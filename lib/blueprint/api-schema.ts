// Request and response shapes of the blueprint routes (spec/api.md), shared by routes, hooks and OpenAPI.
import { z } from "zod";
import { paginationQuery } from "@/lib/shapes/pagination";
import { booleanQuery } from "@/lib/shapes/query-flags";
import type { BlueprintCheck } from "./check-blueprint";
import type { ClusterPlan } from "./plan";
import { AGENT_ROLES, blueprintIdSchema, MAX_TAG_LENGTH } from "./schema";

export const listBlueprintsQuerySchema = z.object({
  active_only: booleanQuery.default(false),
  tag: z.string().min(1).max(MAX_TAG_LENGTH).optional(),
  q: z.string().max(200, { error: "must be at most 200 characters" }).optional(),
  ...paginationQuery,
});
export type ListBlueprintsQuery = z.output<typeof listBlueprintsQuerySchema>;

export const getBlueprintQuerySchema = z.object({ include_yaml: booleanQuery.default(false) });

export const blueprintIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const blueprintSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  is_active: z.boolean(),
  revision: z.int(),
  agent_count: z.int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type BlueprintSummary = z.infer<typeof blueprintSummarySchema>;

export const blueprintDetailSchema = blueprintSummarySchema.extend({ blueprint_yaml: z.string().optional() });
export type BlueprintDetail = z.infer<typeof blueprintDetailSchema>;

export const validateBlueprintRequestSchema = z.strictObject({
  blueprint_yaml: z.string({ error: "blueprint_yaml must be the blueprint's YAML text as a string" }),
});

/** What the catalogue shows comes from the YAML (lib/blueprint/catalog-fields.ts). */
const YAML_IS_THE_SOURCE =
  "The catalogue shows the YAML's metadata (id, name, version, description, tags); the separate fields may repeat it, and are refused with 400 where they disagree.";

export const createBlueprintRequestSchema = z
  .strictObject({
    id: blueprintIdSchema,
    name: z.string().trim().min(1, { error: "must not be empty" }).max(200),
    version: z.string().min(1).max(100),
    blueprint_yaml: z.string({ error: "blueprint_yaml must be the blueprint's YAML text as a string" }),
    description: z.string().max(2000).optional(),
    tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(50).optional(),
  })
  .describe(YAML_IS_THE_SOURCE);
export type CreateBlueprintRequest = z.output<typeof createBlueprintRequestSchema>;

export const updateBlueprintRequestSchema = z
  .strictObject({
    blueprint_yaml: z.string().optional(),
    name: z.string().trim().min(1, { error: "must not be empty" }).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(50).optional(),
    is_active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: "send at least one of blueprint_yaml, name, description, tags, is_active" })
  .describe(YAML_IS_THE_SOURCE);
export type UpdateBlueprintRequest = z.output<typeof updateBlueprintRequestSchema>;

export const revisionParamsSchema = z.object({
  id: z.string().min(1).max(64),
  revision: z.coerce
    .number({ error: "must be a revision number" })
    .int({ error: "must be a revision number" })
    .min(1, { error: "must be a revision number" }),
});

export const revisionSummarySchema = z.object({
  revision: z.int(),
  version: z.string(),
  created_at: z.iso.datetime(),
  created_by: z.string().nullable(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const revisionListSchema = z.object({ items: z.array(revisionSummarySchema) });

export const revisionDetailSchema = revisionSummarySchema.extend({ blueprint_yaml: z.string() });
export type RevisionDetail = z.infer<typeof revisionDetailSchema>;

const findingFields = {
  severity: z.enum(["error", "warning"]),
  path: z.string().describe("Dotted path such as `agents[3].reports_to`; empty for the document as a whole."),
  message: z.string(),
};

// The plan and the check are the domain's types (plan.ts, check-blueprint.ts); `satisfies` holds
// these schemas, which describe them to the API, to those types.
export const clusterPlanSchema = z
  .object({
    min_workers: z.int(),
    max_workers: z.int(),
    target_workers: z.int(),
    total_agents: z.int(),
    worker_groups: z.array(z.object({ definition: z.string(), lo: z.int(), hi: z.int(), count: z.int() })),
    agents: z.array(
      z.object({
        name: z.string(),
        definition: z.string(),
        role: z.enum(AGENT_ROLES),
        supervisor: z.string().nullable().describe("The supervisor's instance name; null for the cluster's supervisor."),
      }),
    ),
  })
  .describe(
    "The spawn plan: every agent instance with its name and supervisor, and the workers per group.",
  ) satisfies z.ZodType<ClusterPlan>;

export const blueprintCheckSchema = z.object({
  valid: z.boolean(),
  errors: z
    .array(z.object({ ...findingFields, line: z.int().optional(), column: z.int().optional() }))
    .describe("Findings in the YAML carry their 1-based line and column; findings in a dry run's overrides have none."),
  warnings: z.array(z.object({ ...findingFields, line: z.int(), column: z.int() })),
  plan: clusterPlanSchema.nullable(),
}) satisfies z.ZodType<BlueprintCheck>;
