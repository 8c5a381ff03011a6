import { listAuditQuerySchema } from "@/lib/audit/api-schema";
import { listAudit } from "@/lib/audit/list-audit";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/audit - the audit log, newest first, filtered by actor, action, target and time
export const GET = apiRoute({ access: "admin", query: listAuditQuerySchema }, async ({ query }) => json(await listAudit(query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
