import { scaleCluster } from "@/lib/cluster/scale-cluster";
import { viewCluster } from "@/lib/cluster/view-cluster";
import { serveRoute } from "@/lib/http/serve-route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/scale", {
  // POST /api/clusters/{id}/scale - scale the workers, optionally pausing the autoscaler with it
  POST: async ({ params, body, ifMatch, audit }) =>
    viewCluster(
      await scaleCluster(params.id, body.target_workers, { runtime: getAgentRuntime(), audit, ifMatch, autoscaler: body.autoscaler }),
    ),
});
