import { RequestError } from "@/lib/errors";
import { serveRoute } from "@/lib/http/serve-route";

// Any other /api path - 404 as problem+json, never an HTML page
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  throw new RequestError("not-found", `no API route ${request.method} ${pathname}`);
}

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/{path}", {
  GET: notFound,
  POST: notFound,
  PUT: notFound,
  PATCH: notFound,
  DELETE: notFound,
});
