import { listAudit } from "@/lib/audit/list-audit";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/audit", {
  // GET /api/audit - the audit log, newest first, filtered by actor, action, target and time
  GET: ({ query }) => listAudit(query),
});
