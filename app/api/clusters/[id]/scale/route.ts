import { clusterIdParamsSchema, scaleClusterRequestSchema } from "@/lib/cluster/api-schema";
import { clusterResponse } from "@/lib/cluster/cluster-response";
import { scaleCluster } from "@/lib/cluster/scale-cluster";
import { readIfMatch } from "@/lib/http/etag";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute } from "@/lib/http/route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

// POST /api/clusters/{id}/scale - scale the workers
export const POST = apiRoute(
  { access: "operator", params: clusterIdParamsSchema, body: scaleClusterRequestSchema },
  async ({ params, body, request, audit }) =>
    clusterResponse(
      await scaleCluster(params.id, body.target_workers, { runtime: getAgentRuntime(), audit, ifMatch: readIfMatch(request) }),
    ),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
