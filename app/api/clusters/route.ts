import { createCluster } from "@/lib/cluster/create-cluster";
import { listClusters } from "@/lib/cluster/list-clusters";
import { previewCluster } from "@/lib/cluster/preview-cluster";
import { viewCluster } from "@/lib/cluster/view-cluster";
import { alsoOk } from "@/lib/http/operation-handler";
import { serveRoute } from "@/lib/http/serve-route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters", {
  // GET /api/clusters - list clusters
  GET: ({ query }) => listClusters(query),
  // POST /api/clusters - create a cluster from a blueprint; dry_run=true only plans it
  POST: async ({ query, body, audit }) =>
    query.dry_run ? alsoOk(await previewCluster(body)) : viewCluster(await createCluster(body, { runtime: getAgentRuntime(), audit })),
});
