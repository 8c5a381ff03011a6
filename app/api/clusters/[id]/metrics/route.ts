import { clusterIdParamsSchema } from "@/lib/cluster/api-schema";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";
import { ingestMetricsRequestSchema, metricsQuerySchema } from "@/lib/metrics/api-schema";
import { ingestMetrics } from "@/lib/metrics/ingest-metrics";
import { queryMetrics } from "@/lib/metrics/query-metrics";

// GET /api/clusters/{id}/metrics?name=&from=&to=&step= - raw points, or aggregates per step
export const GET = apiRoute({ access: "viewer", params: clusterIdParamsSchema, query: metricsQuerySchema }, async ({ params, query }) =>
  json(await queryMetrics(params.id, query)),
);

// POST /api/clusters/{id}/metrics - a batch of up to 1,000 points; accepted for hibernated clusters too (demand wakes them)
export const POST = apiRoute(
  { access: "operator", budget: "ingest", params: clusterIdParamsSchema, body: ingestMetricsRequestSchema },
  async ({ params, body }) => json(await ingestMetrics(params.id, body), { status: 202 }),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
