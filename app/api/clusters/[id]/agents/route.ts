import { listAgents } from "@/lib/cluster/list-agents";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/agents", {
  // GET /api/clusters/{id}/agents - the cluster's agents, filtered by role and status
  GET: ({ params, query }) => listAgents(params.id, query),
});
