import { restoreRevision } from "@/lib/blueprint/restore-revision";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/blueprints/{id}/revisions/{revision}/restore", {
  // POST /api/blueprints/{id}/revisions/{revision}/restore - the old text as a new revision, its version one patch higher
  POST: ({ params, ifMatch, audit }) => restoreRevision(params.id, params.revision, { audit, ifMatch }),
});
