import { createToken } from "@/lib/auth/create-token";
import { listTokens } from "@/lib/auth/list-tokens";
import { ForbiddenError } from "@/lib/errors";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/tokens", {
  // GET /api/tokens - the caller's API tokens; ?all=true lists everyone's (admin)
  GET: async ({ query, principal }) => {
    if (query.all && principal.role !== "admin") throw new ForbiddenError("listing every user's tokens needs the admin role");
    return { items: await listTokens(query.all ? "all" : { ownerId: principal.userId }) };
  },
  // POST /api/tokens - a new token for the caller; the answer is the only time the secret is shown
  POST: ({ body, principal, audit }) => createToken({ id: principal.userId, email: principal.email }, body, { audit }),
});
