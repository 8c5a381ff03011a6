import { clusterIdParamsSchema } from "@/lib/cluster/api-schema";
import { getHierarchy } from "@/lib/cluster/get-hierarchy";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/clusters/{id}/hierarchy - the running team as a tree under its supervisor
export const GET = apiRoute({ access: "viewer", params: clusterIdParamsSchema }, async ({ params }) => json(await getHierarchy(params.id)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
