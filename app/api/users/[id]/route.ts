import { updateUser } from "@/lib/auth/update-user";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/users/{id}", {
  // PATCH /api/users/{id} - change name, role or password, disable or enable
  PATCH: ({ params, body, audit }) => updateUser(params.id, body, { audit }),
});
