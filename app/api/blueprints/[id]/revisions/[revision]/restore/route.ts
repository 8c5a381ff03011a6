import { revisionParamsSchema } from "@/lib/blueprint/api-schema";
import { restoreRevision } from "@/lib/blueprint/restore-revision";
import { readIfMatch } from "@/lib/http/etag";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// POST /api/blueprints/{id}/revisions/{revision}/restore - the old text as a new revision, its version one patch higher
export const POST = apiRoute({ access: "admin", params: revisionParamsSchema }, async ({ params, request, audit }) =>
  json(await restoreRevision(params.id, params.revision, { audit, ifMatch: readIfMatch(request) })),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
