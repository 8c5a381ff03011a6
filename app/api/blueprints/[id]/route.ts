import { blueprintIdParamsSchema, getBlueprintQuerySchema, updateBlueprintRequestSchema } from "@/lib/blueprint/api-schema";
import { getBlueprintOrThrow } from "@/lib/blueprint/get-blueprint";
import { updateBlueprint } from "@/lib/blueprint/save-blueprint";
import { readIfMatch } from "@/lib/http/etag";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/blueprints/{id} - one blueprint; include_yaml=true adds its YAML
export const GET = apiRoute(
  { access: "viewer", params: blueprintIdParamsSchema, query: getBlueprintQuerySchema },
  async ({ params, query }) => json(await getBlueprintOrThrow(params.id, { includeYaml: query.include_yaml })),
);

// PUT /api/blueprints/{id} - new YAML and/or fields; every change is a new revision; If-Match: "<revision>" refuses a stale save
export const PUT = apiRoute(
  { access: "admin", params: blueprintIdParamsSchema, body: updateBlueprintRequestSchema },
  async ({ params, body, request, audit }) => json(await updateBlueprint(params.id, body, { audit, ifMatch: readIfMatch(request) })),
);

export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);
