import { createClusterQuerySchema, createClusterRequestSchema, listClustersQuerySchema } from "@/lib/cluster/api-schema";
import { clusterResponse } from "@/lib/cluster/cluster-response";
import { createCluster } from "@/lib/cluster/create-cluster";
import { listClusters } from "@/lib/cluster/list-clusters";
import { previewCluster } from "@/lib/cluster/preview-cluster";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

// POST /api/clusters - create a cluster from a blueprint; dry_run=true only plans it
export const POST = apiRoute(
  { access: "operator", query: createClusterQuerySchema, body: createClusterRequestSchema },
  async ({ query, body, audit }) =>
    query.dry_run
      ? json(await previewCluster(body))
      : clusterResponse(await createCluster(body, { runtime: getAgentRuntime(), audit }), 201),
);

// GET /api/clusters - list clusters
export const GET = apiRoute({ access: "viewer", query: listClustersQuerySchema }, async ({ query }) => json(await listClusters(query)));

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
