// Metrics and the autoscaler: a cluster's series (read and record), the autoscaler's view and
// pause, the worker history of many clusters, and the console's own Prometheus metrics.
import { autoscalerViewSchema, setAutoscalerPauseRequestSchema } from "@/lib/autoscaler/api-schema";
import { clusterIdParamsSchema } from "@/lib/cluster/api-schema";
import {
  acceptedMetricsSchema,
  ingestMetricsRequestSchema,
  metricSeriesSchema,
  metricsQuerySchema,
  workerHistoryQuerySchema,
  workerHistorySchema,
} from "@/lib/metrics/api-schema";
import { z } from "zod";
import { clusterBusy, clusterMissing } from "./cluster-operations";
import type { OperationTable } from "./operation";

export const metricsOperations = {
  "/api/clusters/{id}/metrics": {
    GET: {
      summary: "Read a metric",
      access: "viewer",
      params: clusterIdParamsSchema,
      query: metricsQuerySchema,
      ok: { status: 200, description: "Raw points, or aggregates per step.", schema: metricSeriesSchema },
      refusals: [clusterMissing],
    },
    POST: {
      summary: "Record metric points (up to 1,000)",
      access: "operator",
      budget: "ingest",
      params: clusterIdParamsSchema,
      body: ingestMetricsRequestSchema,
      ok: { status: 202, description: "Stored; a bad batch stores nothing.", schema: acceptedMetricsSchema },
      refusals: [clusterMissing],
      examples: () => ({
        body: {
          points: [
            { name: "queue_depth", value: 42 },
            { name: "error_rate", value: 0.02, ts: "2026-11-29T09:00:00Z" },
          ],
        },
      }),
    },
  },
  "/api/clusters/{id}/autoscaler": {
    GET: {
      summary: "The autoscaler's view of a cluster",
      access: "viewer",
      params: clusterIdParamsSchema,
      ok: { status: 200, description: "Policy, pause, recommendation and decisions.", schema: autoscalerViewSchema },
      refusals: [clusterMissing],
    },
    PUT: {
      summary: "Pause or resume the autoscaler",
      access: "operator",
      params: clusterIdParamsSchema,
      body: setAutoscalerPauseRequestSchema,
      ok: { status: 200, description: "The autoscaler's view.", schema: autoscalerViewSchema },
      refusals: [clusterMissing, clusterBusy],
      examples: () => ({ body: { pause: "scale_in" } }),
    },
  },
  "/api/clusters/worker-history": {
    GET: {
      summary: "Active workers per minute of many clusters",
      access: "viewer",
      query: workerHistoryQuerySchema,
      ok: { status: 200, description: "One series per cluster id.", schema: workerHistorySchema },
    },
  },
  "/api/metrics": {
    GET: {
      summary: "The console's own metrics (Prometheus)",
      access: "viewer",
      ok: { status: 200, description: "Prometheus text exposition.", contentType: "text/plain", schema: z.string() },
    },
  },
} as const satisfies OperationTable;
