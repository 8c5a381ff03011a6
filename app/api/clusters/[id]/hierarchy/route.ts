import { getHierarchy } from "@/lib/cluster/get-hierarchy";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/hierarchy", {
  // GET /api/clusters/{id}/hierarchy - the running team as a tree under its supervisor
  GET: ({ params }) => getHierarchy(params.id),
});
