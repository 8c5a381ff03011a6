import { validateBlueprintRequestSchema } from "@/lib/blueprint/api-schema";
import { checkBlueprint } from "@/lib/blueprint/check-blueprint";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// POST /api/blueprints/validate - validate blueprint YAML and preview its spawn plan; stores nothing
export const POST = apiRoute({ access: "viewer", body: validateBlueprintRequestSchema }, async ({ body }) =>
  json(checkBlueprint(body.blueprint_yaml)),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
