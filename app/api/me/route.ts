import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/me", {
  // GET /api/me - who the caller is and with which role
  GET: async ({ principal }) => ({
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    via: principal.via,
  }),
});
