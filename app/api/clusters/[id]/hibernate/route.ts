import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { viewCluster } from "@/lib/cluster/view-cluster";
import { serveRoute } from "@/lib/http/serve-route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/hibernate", {
  // POST /api/clusters/{id}/hibernate - put workers and specialists to sleep
  POST: async ({ params, ifMatch, audit }) =>
    viewCluster(await hibernateCluster(params.id, { runtime: getAgentRuntime(), audit, ifMatch })),
});
