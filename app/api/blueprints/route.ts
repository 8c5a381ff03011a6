import { listBlueprintsQuerySchema } from "@/lib/blueprint/api-schema";
import { listBlueprints } from "@/lib/blueprint/list-blueprints";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/blueprints - list the blueprint catalogue
export const GET = apiRoute({ query: listBlueprintsQuerySchema }, async ({ query }) => json(await listBlueprints(query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
