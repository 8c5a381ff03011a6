import { checkBlueprint } from "@/lib/blueprint/check-blueprint";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/blueprints/validate", {
  // POST /api/blueprints/validate - validate blueprint YAML and preview its spawn plan; stores nothing
  POST: async ({ body }) => checkBlueprint(body.blueprint_yaml),
});
