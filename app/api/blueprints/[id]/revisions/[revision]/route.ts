import { revisionParamsSchema } from "@/lib/blueprint/api-schema";
import { getRevision } from "@/lib/blueprint/get-revision";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/blueprints/{id}/revisions/{revision} - one revision with its YAML
export const GET = apiRoute({ access: "viewer", params: revisionParamsSchema }, async ({ params }) =>
  json(await getRevision(params.id, params.revision)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
