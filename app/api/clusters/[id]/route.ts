import { deleteCluster } from "@/lib/cluster/delete-cluster";
import { getCluster } from "@/lib/cluster/get-cluster";
import { updateCluster } from "@/lib/cluster/update-cluster";
import { viewCluster } from "@/lib/cluster/view-cluster";
import { serveRoute } from "@/lib/http/serve-route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}", {
  // GET /api/clusters/{id} - one cluster
  GET: ({ params }) => getCluster(params.id),
  // PUT /api/clusters/{id} - update name, description, worker bounds or config
  PUT: async ({ params, body, ifMatch, audit }) => viewCluster(await updateCluster(params.id, body, { audit, ifMatch })),
  // DELETE /api/clusters/{id} - stop every agent, then remove the cluster
  DELETE: ({ params, ifMatch, audit }) => deleteCluster(params.id, { runtime: getAgentRuntime(), audit, ifMatch }),
});
