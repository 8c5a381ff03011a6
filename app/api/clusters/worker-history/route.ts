import { serveRoute } from "@/lib/http/serve-route";
import { workerHistory } from "@/lib/metrics/worker-history";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/worker-history", {
  // GET /api/clusters/worker-history?ids=a,b&minutes=60 - active workers per minute of many clusters, for sparklines
  GET: ({ query }) => workerHistory(query),
});
