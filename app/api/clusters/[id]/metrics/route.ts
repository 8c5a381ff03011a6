import { serveRoute } from "@/lib/http/serve-route";
import { ingestMetrics } from "@/lib/metrics/ingest-metrics";
import { queryMetrics } from "@/lib/metrics/query-metrics";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/metrics", {
  // GET /api/clusters/{id}/metrics?name=&from=&to=&step= - raw points, or aggregates per step
  GET: ({ params, query }) => queryMetrics(params.id, query),
  // POST /api/clusters/{id}/metrics - a batch of up to 1,000 points; accepted for hibernated clusters too (demand wakes them)
  POST: ({ params, body }) => ingestMetrics(params.id, body),
});
