import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { needsSetup } from "@/lib/auth/needs-setup";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/setup", {
  // GET /api/setup - whether the console still needs its first admin
  GET: async () => ({ needs_setup: await needsSetup() }),
  // POST /api/setup - create the first admin; refused (409) once any user exists
  POST: ({ body, audit }) => createFirstAdmin(body, { audit }),
});
