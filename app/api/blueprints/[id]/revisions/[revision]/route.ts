import { getRevision } from "@/lib/blueprint/get-revision";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/blueprints/{id}/revisions/{revision}", {
  // GET /api/blueprints/{id}/revisions/{revision} - one revision with its YAML
  GET: ({ params }) => getRevision(params.id, params.revision),
});
