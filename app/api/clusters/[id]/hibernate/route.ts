import { clusterIdParamsSchema } from "@/lib/cluster/api-schema";
import { clusterResponse } from "@/lib/cluster/cluster-response";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { readIfMatch } from "@/lib/http/etag";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute } from "@/lib/http/route";
import { getAgentRuntime } from "@/lib/runtime/runtime";

// POST /api/clusters/{id}/hibernate - put workers and specialists to sleep
export const POST = apiRoute({ access: "operator", params: clusterIdParamsSchema }, async ({ params, request, audit }) =>
  clusterResponse(await hibernateCluster(params.id, { runtime: getAgentRuntime(), audit, ifMatch: readIfMatch(request) })),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
