import { validateBlueprintRequestSchema } from "@/lib/blueprint/api-schema";
import { checkBlueprint } from "@/lib/blueprint/check-blueprint";
import { apiRoute, json } from "@/lib/http/route";

// POST /api/blueprints/validate - validate blueprint YAML and preview its spawn plan; stores nothing
export const POST = apiRoute({ body: validateBlueprintRequestSchema }, async ({ body }) => json(checkBlueprint(body.blueprint_yaml)));
