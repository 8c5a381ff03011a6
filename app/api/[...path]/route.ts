import { problem, problemResponse } from "@/lib/http/problem";

// Any other /api path - 404 as problem+json, never an HTML page
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return problemResponse(problem(404, "Not found", `no API route ${request.method} ${pathname}`));
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
