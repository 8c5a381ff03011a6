import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/openapi.json - the OpenAPI 3.1 document, generated from the zod schemas the routes validate with
export const GET = apiRoute({ access: "public" }, async () => json(openApiDocument()));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
