import { clusterIdParamsSchema, listActivityQuerySchema } from "@/lib/cluster/api-schema";
import { listActivity } from "@/lib/cluster/list-activity";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/clusters/{id}/activity - the cluster's timeline of events, newest first
export const GET = apiRoute(
  { access: "viewer", params: clusterIdParamsSchema, query: listActivityQuerySchema },
  async ({ params, query }) => json(await listActivity(params.id, query)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
