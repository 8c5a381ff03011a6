import { revokeToken } from "@/lib/auth/revoke-token";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/tokens/{id}", {
  // DELETE /api/tokens/{id} - revoke one of the caller's tokens (an admin may revoke any)
  DELETE: ({ params, principal, audit }) =>
    revokeToken(params.id, { id: principal.userId, isAdmin: principal.role === "admin" }, { audit }),
});
