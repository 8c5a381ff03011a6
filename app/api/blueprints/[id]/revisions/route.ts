import { blueprintIdParamsSchema } from "@/lib/blueprint/api-schema";
import { listRevisions } from "@/lib/blueprint/list-revisions";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/blueprints/{id}/revisions - every saved revision, newest first
export const GET = apiRoute({ access: "viewer", params: blueprintIdParamsSchema }, async ({ params }) =>
  json({ items: await listRevisions(params.id) }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
