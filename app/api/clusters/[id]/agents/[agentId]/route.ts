import { agentParamsSchema } from "@/lib/cluster/api-schema";
import { getAgent } from "@/lib/cluster/get-agent";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/clusters/{id}/agents/{agentId} - one agent with its capabilities, skills and config
export const GET = apiRoute({ access: "viewer", params: agentParamsSchema }, async ({ params }) =>
  json(await getAgent(params.id, params.agentId)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
