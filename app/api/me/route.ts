import type { MeView } from "@/lib/auth/api-schema";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/me - who the caller is and with which role
export const GET = apiRoute({ access: "viewer" }, async ({ principal }) =>
  json({ id: principal.userId, email: principal.email, name: principal.name, role: principal.role, via: principal.via } satisfies MeView),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
