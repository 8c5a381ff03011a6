import { createUser } from "@/lib/auth/create-user";
import { listUsers } from "@/lib/auth/list-users";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/users", {
  // GET /api/users - every user, by email
  GET: ({ query }) => listUsers(query),
  // POST /api/users - create a user with a role
  POST: ({ body, audit }) => createUser(body, { audit }),
});
