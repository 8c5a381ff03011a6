import { serveRoute } from "@/lib/http/serve-route";
import { openApiDocument } from "@/lib/openapi/document";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/openapi.json", {
  // GET /api/openapi.json - the OpenAPI 3.1 document, generated from the operation declarations in lib/api
  GET: async () => ({ ...openApiDocument() }),
});
