import { setupRequestSchema } from "@/lib/auth/api-schema";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { needsSetup } from "@/lib/auth/needs-setup";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/setup - whether the console still needs its first admin
export const GET = apiRoute({ access: "public" }, async () => json({ needs_setup: await needsSetup() }));

// POST /api/setup - create the first admin; refused (409) once any user exists
export const POST = apiRoute({ access: "public", body: setupRequestSchema }, async ({ body, audit }) =>
  json(await createFirstAdmin(body, { audit }), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
