import { blueprintIdParamsSchema, getBlueprintQuerySchema } from "@/lib/blueprint/api-schema";
import { getBlueprintOrThrow } from "@/lib/blueprint/get-blueprint";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/blueprints/{id} - one blueprint; include_yaml=true adds its YAML
export const GET = apiRoute({ params: blueprintIdParamsSchema, query: getBlueprintQuerySchema }, async ({ params, query }) =>
  json(await getBlueprintOrThrow(params.id, { includeYaml: query.include_yaml })),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
