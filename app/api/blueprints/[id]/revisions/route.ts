import { listRevisions } from "@/lib/blueprint/list-revisions";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/blueprints/{id}/revisions", {
  // GET /api/blueprints/{id}/revisions - every saved revision, newest first
  GET: async ({ params }) => ({ items: await listRevisions(params.id) }),
});
