import { getAgent } from "@/lib/cluster/get-agent";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/agents/{agentId}", {
  // GET /api/clusters/{id}/agents/{agentId} - one agent with its capabilities, skills and config
  GET: ({ params }) => getAgent(params.id, params.agentId),
});
