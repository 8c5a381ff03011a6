import { listActivity } from "@/lib/cluster/list-activity";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/activity", {
  // GET /api/clusters/{id}/activity - the cluster's timeline of events, newest first
  GET: ({ params, query }) => listActivity(params.id, query),
});
