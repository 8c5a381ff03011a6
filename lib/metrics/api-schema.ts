// Request and response shapes of the metrics routes, shared by routes, hooks and OpenAPI.
import { z } from "zod";
import { SCALING_METRICS } from "@/lib/blueprint/schema";

export const MAX_POINTS_PER_CALL = 1000;
/** How far in the future a point's timestamp may lie: clocks drift. */
export const CLOCK_SKEW_MS = 5_000;
export const RAW_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Series only the autoscaler records, at every evaluation, from the database. */
export const COLLECTED_METRICS = ["workers_active", "workers_starting", "workers_failed", "health_score"] as const;
/** Scaling metrics the autoscaler computes from the tasks at every evaluation; a newer posted point stands over them. */
export const TASK_METRICS = ["queue_depth", "tasks_per_minute", "response_time_ms", "error_rate"] as const;
/** Every series a chart can ask for: the posted ones and the collected ones. */
export const METRIC_NAMES = [...SCALING_METRICS, ...COLLECTED_METRICS] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export const MINUTE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export const metricPointSchema = z.strictObject({
  name: z.enum(SCALING_METRICS, { error: `name must be one of ${SCALING_METRICS.join(", ")}` }),
  // zod's numbers are finite: NaN and Infinity are refused.
  value: z.number({ error: "value must be a finite number" }),
  ts: z.iso
    .datetime({ offset: true, error: "ts must be an ISO 8601 date-time such as 2026-11-28T12:00:00Z" })
    .optional()
    .describe("When the value was observed; defaults to now."),
});

export const ingestMetricsRequestSchema = z.strictObject({
  points: z
    .array(metricPointSchema)
    .min(1, { error: "send at least one point" })
    .max(MAX_POINTS_PER_CALL, { error: `send at most ${MAX_POINTS_PER_CALL} points a call` }),
});
export type IngestMetricsRequest = z.output<typeof ingestMetricsRequestSchema>;

export const acceptedMetricsSchema = z.object({ accepted: z.int() });

export const metricsQuerySchema = z
  .object({
    name: z.enum(METRIC_NAMES, { error: `name must be one of ${METRIC_NAMES.join(", ")}` }),
    from: z.iso.datetime({ offset: true }).optional().describe("Start of the range; defaults to an hour before `to`."),
    to: z.iso.datetime({ offset: true }).optional().describe("End of the range; defaults to now."),
    step: z.coerce
      .number({ error: "step must be a number of seconds" })
      .int({ error: "step must be a whole number of seconds" })
      .min(60, { error: "step must be at least 60 seconds" })
      .refine((seconds) => seconds % 60 === 0, { error: "step must be a multiple of 60 seconds" })
      .optional()
      .describe("Aggregate per step (seconds, a multiple of 60); without it the raw points are returned."),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    error: "from must be before to",
    path: ["from"],
  });
export type MetricsQuery = z.output<typeof metricsQuerySchema>;

export const rawMetricSeriesSchema = z.object({
  name: z.enum(METRIC_NAMES),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  points: z.array(z.object({ ts: z.iso.datetime(), value: z.number() })),
});
export type RawMetricSeries = z.infer<typeof rawMetricSeriesSchema>;

export const aggregatedMetricSeriesSchema = z.object({
  name: z.enum(METRIC_NAMES),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  step: z.int().describe("Seconds per point."),
  points: z.array(z.object({ ts: z.iso.datetime(), avg: z.number(), min: z.number(), max: z.number(), count: z.int() })),
});
export type AggregatedMetricSeries = z.infer<typeof aggregatedMetricSeriesSchema>;

/** Raw points, or aggregates per step. */
export const metricSeriesSchema = z.union([rawMetricSeriesSchema, aggregatedMetricSeriesSchema]);

export const workerHistoryQuerySchema = z.object({
  ids: z
    .string()
    .max(4000)
    .transform((ids) => ids.split(",").filter(Boolean))
    .pipe(
      z
        .array(z.string().min(1).max(100))
        .min(1, { error: "name at least one cluster id" })
        .max(100, { error: "at most 100 cluster ids a call" }),
    )
    .describe("Comma-separated cluster ids."),
  minutes: z.coerce.number().int().min(5).max(1440).default(60).describe("How far back, in minutes."),
});
export type WorkerHistoryQuery = z.output<typeof workerHistoryQuerySchema>;

export const workerHistorySchema = z.object({
  minutes: z.int(),
  series: z.array(z.object({ cluster_id: z.string(), points: z.array(z.object({ ts: z.iso.datetime(), value: z.number() })) })),
});
export type WorkerHistory = z.infer<typeof workerHistorySchema>;
