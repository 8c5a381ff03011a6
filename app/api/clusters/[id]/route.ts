import { clusterIdParamsSchema, updateClusterRequestSchema } from "@/lib/cluster/api-schema";
import { clusterResponse } from "@/lib/cluster/cluster-response";
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { deleteCluster } from "@/lib/cluster/delete-cluster";
import { updateCluster } from "@/lib/cluster/update-cluster";
import { readIfMatch } from "@/lib/http/etag";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute } from "@/lib/http/route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

// GET /api/clusters/{id} - one cluster
export const GET = apiRoute({ access: "viewer", params: clusterIdParamsSchema }, async ({ params }) =>
  clusterResponse(await findClusterOrThrow(params.id)),
);

// PUT /api/clusters/{id} - update name, description, worker bounds or config
export const PUT = apiRoute(
  { access: "operator", params: clusterIdParamsSchema, body: updateClusterRequestSchema },
  async ({ params, body, request, audit }) =>
    clusterResponse(await updateCluster(params.id, body, { audit, ifMatch: readIfMatch(request) })),
);

// DELETE /api/clusters/{id} - stop every agent, then remove the cluster
export const DELETE = apiRoute({ access: "operator", params: clusterIdParamsSchema }, async ({ params, request, audit }) => {
  await deleteCluster(params.id, { runtime: getAgentRuntime(), audit, ifMatch: readIfMatch(request) });
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodsNotAllowed(["GET", "PUT", "DELETE"]);
