import { createUserRequestSchema, listUsersQuerySchema } from "@/lib/auth/api-schema";
import { createUser } from "@/lib/auth/create-user";
import { listUsers } from "@/lib/auth/list-users";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/users - every user, by email
export const GET = apiRoute({ access: "admin", query: listUsersQuerySchema }, async ({ query }) => json(await listUsers(query)));

// POST /api/users - create a user with a role
export const POST = apiRoute({ access: "admin", body: createUserRequestSchema }, async ({ body, audit }) =>
  json(await createUser(body, { audit }), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
