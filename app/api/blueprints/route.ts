import { createBlueprintRequestSchema, listBlueprintsQuerySchema } from "@/lib/blueprint/api-schema";
import { listBlueprints } from "@/lib/blueprint/list-blueprints";
import { createBlueprint } from "@/lib/blueprint/save-blueprint";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/blueprints - list the blueprint catalogue
export const GET = apiRoute({ access: "viewer", query: listBlueprintsQuerySchema }, async ({ query }) => json(await listBlueprints(query)));

// POST /api/blueprints - add a blueprint to the catalogue and to blueprints/<id>.yaml
export const POST = apiRoute({ access: "admin", body: createBlueprintRequestSchema }, async ({ body, audit }) =>
  json(await createBlueprint(body, { audit }), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
