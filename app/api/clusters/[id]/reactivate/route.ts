import { clusterIdParamsSchema, reactivateClusterRequestSchema } from "@/lib/cluster/api-schema";
import { clusterResponse } from "@/lib/cluster/cluster-response";
import { reactivateCluster } from "@/lib/cluster/reactivate-cluster";
import { readIfMatch } from "@/lib/http/etag";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute } from "@/lib/http/route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

// POST /api/clusters/{id}/reactivate - wake the cluster, optionally to {target_workers}
export const POST = apiRoute(
  { access: "operator", params: clusterIdParamsSchema, body: reactivateClusterRequestSchema },
  async ({ params, body, request, audit }) =>
    clusterResponse(
      await reactivateCluster(params.id, body?.target_workers, { runtime: getAgentRuntime(), audit, ifMatch: readIfMatch(request) }),
    ),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
