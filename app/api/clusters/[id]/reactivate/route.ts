import { reactivateCluster } from "@/lib/cluster/reactivate-cluster";
import { viewCluster } from "@/lib/cluster/view-cluster";
import { serveRoute } from "@/lib/http/serve-route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/reactivate", {
  // POST /api/clusters/{id}/reactivate - wake the cluster, optionally to {target_workers}
  POST: async ({ params, body, ifMatch, audit }) =>
    viewCluster(await reactivateCluster(params.id, body?.target_workers, { runtime: getAgentRuntime(), audit, ifMatch })),
});
