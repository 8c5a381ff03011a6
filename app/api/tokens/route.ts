import { createTokenRequestSchema, listTokensQuerySchema } from "@/lib/auth/api-schema";
import { ForbiddenError } from "@/lib/auth/principal";
import { createToken } from "@/lib/auth/create-token";
import { listTokens } from "@/lib/auth/list-tokens";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/tokens - the caller's API tokens; ?all=true lists everyone's (admin)
export const GET = apiRoute({ access: "viewer", query: listTokensQuerySchema }, async ({ query, principal }) => {
  if (query.all && principal.role !== "admin") throw new ForbiddenError("listing every user's tokens needs the admin role");
  return json({ items: await listTokens(query.all ? "all" : { ownerId: principal.userId }) });
});

// POST /api/tokens - a new token for the caller; the answer is the only time the secret is shown
export const POST = apiRoute({ access: "viewer", body: createTokenRequestSchema }, async ({ body, principal, audit }) =>
  json(await createToken({ id: principal.userId, email: principal.email }, body, { audit }), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
