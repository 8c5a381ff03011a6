import { clusterIdParamsSchema, listAgentsQuerySchema } from "@/lib/cluster/api-schema";
import { listAgents } from "@/lib/cluster/list-agents";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/clusters/{id}/agents - the cluster's agents, filtered by role and status
export const GET = apiRoute({ access: "viewer", params: clusterIdParamsSchema, query: listAgentsQuerySchema }, async ({ params, query }) =>
  json(await listAgents(params.id, query)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
