import { tokenIdParamsSchema } from "@/lib/auth/api-schema";
import { revokeToken } from "@/lib/auth/revoke-token";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// DELETE /api/tokens/{id} - revoke one of the caller's tokens (an admin may revoke any)
export const DELETE = apiRoute({ access: "viewer", params: tokenIdParamsSchema }, async ({ params, principal, audit }) =>
  json(await revokeToken(params.id, { id: principal.userId, isAdmin: principal.role === "admin" }, { audit })),
);

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
