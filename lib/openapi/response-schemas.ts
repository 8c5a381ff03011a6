// Response shapes the routes build without a zod schema of their own, and the problem+json body
// every error shares. Component names are given in document.ts, not with .meta({ id }): ids live
// in zod's global registry, where a module evaluated twice (a reload, a second bundle) would clash.
import { z } from "zod";
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

export const blueprintCheckSchema = z
  .object({
    valid: z.boolean(),
    errors: z.array(z.looseObject({ path: z.string(), message: z.string(), line: z.int().optional(), column: z.int().optional() })),
    warnings: z.array(z.looseObject({ path: z.string(), message: z.string() })),
    plan: z.looseObject({ total_agents: z.int() }).nullable().describe("The spawn plan: agents, names and supervisors."),
  });

export const acceptedMetricsSchema = z.object({ accepted: z.int() });
export const setupStateSchema = z.object({ needs_setup: z.boolean() });
