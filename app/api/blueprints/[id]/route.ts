import { deleteBlueprint } from "@/lib/blueprint/delete-blueprint";
import { getBlueprintOrThrow } from "@/lib/blueprint/get-blueprint";
import { updateBlueprint } from "@/lib/blueprint/update-blueprint";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/blueprints/{id}", {
  // GET /api/blueprints/{id} - one blueprint; include_yaml=true adds its YAML
  GET: ({ params, query }) => getBlueprintOrThrow(params.id, { includeYaml: query.include_yaml }),
  // PUT /api/blueprints/{id} - new YAML and/or fields; every change is a new revision; If-Match: "<revision>" refuses a stale save
  PUT: ({ params, body, ifMatch, audit }) => updateBlueprint(params.id, body, { audit, ifMatch }),
  // DELETE /api/blueprints/{id} - the blueprint, its revisions and its copy; 409 while clusters use it
  DELETE: ({ params, audit }) => deleteBlueprint(params.id, { audit }),
});
