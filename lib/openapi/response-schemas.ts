// Response shapes the routes build without a zod schema of their own, and the problem+json body
// every error shares. Component names are given in document.ts, not with .meta({ id }): ids live
// in zod's global registry, where a module evaluated twice (a reload, a second bundle) would clash.
import { z } from "zod";
import { AGENT_ROLES } from "@/lib/blueprint/schema";
import { METRIC_NAMES } from "@/lib/metrics/api-schema";

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "urn:cluster-console:problem:invalid-request-body" }),
    title: z.string().meta({ example: "Invalid request body" }),
    status: z.int().meta({ example: 400 }),
    detail: z.string().meta({ example: "target_workers: must be a whole number" }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), line: z.int().optional(), column: z.int().optional() }))
      .optional()
      .describe("Every finding, with its line and column for blueprint text."),
    request_id: z.string().optional().describe("Quote it when reporting an internal error."),
  })
  .describe("RFC 9457 problem details (application/problem+json).");

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.int(), page: z.int(), page_size: z.int() });

export const rawMetricSeriesSchema = z
  .object({ name: z.enum(METRIC_NAMES), from: z.iso.datetime(), to: z.iso.datetime(), points: z.array(z.object({ ts: z.iso.datetime(), value: z.number() })) });

export const aggregatedMetricSeriesSchema = z
  .object({
    name: z.enum(METRIC_NAMES),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    step: z.int().describe("Seconds per point."),
    points: z.array(z.object({ ts: z.iso.datetime(), avg: z.number(), min: z.number(), max: z.number(), count: z.int() })),
  });

export const workerHistorySchema = z
  .object({ minutes: z.int(), series: z.array(z.object({ cluster_id: z.string(), points: z.array(z.object({ ts: z.iso.datetime(), value: z.number() })) })) });

export const hierarchyNodeSchema: z.ZodType<unknown> = z
  .object({
    agent_id: z.string(),
    name: z.string(),
    definition: z.string(),
    role: z.string(),
    status: z.string(),
    get subordinates() {
      return z.array(hierarchyNodeSchema);
    },
  });

export const clusterHierarchySchema = z
  .object({ cluster_id: z.string(), cluster_name: z.string(), total_agents: z.int(), supervisor: hierarchyNodeSchema.nullable() });

const findingFields = {
  severity: z.enum(["error", "warning"]),
  path: z.string().describe("Dotted path such as `agents[3].reports_to`; empty for the document as a whole."),
  message: z.string(),
};

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
  .describe("The spawn plan: every agent instance with its name and supervisor, and the workers per group.");

export const blueprintCheckSchema = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ ...findingFields, line: z.int().optional(), column: z.int().optional() })).describe("Findings in the YAML carry their 1-based line and column; findings in a dry run's overrides have none."),
  warnings: z.array(z.object({ ...findingFields, line: z.int(), column: z.int() })),
  plan: clusterPlanSchema.nullable(),
});

export const acceptedMetricsSchema = z.object({ accepted: z.int() });
export const setupStateSchema = z.object({ needs_setup: z.boolean() });
