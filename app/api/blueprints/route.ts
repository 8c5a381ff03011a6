import { listBlueprints } from "@/lib/blueprint/list-blueprints";
import { createBlueprint } from "@/lib/blueprint/create-blueprint";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/blueprints", {
  // GET /api/blueprints - list the blueprint catalogue
  GET: ({ query }) => listBlueprints(query),
  // POST /api/blueprints - add a blueprint to the catalogue and to BLUEPRINTS_DIR/<id>.yaml
  POST: ({ body, audit }) => createBlueprint(body, { audit }),
});
