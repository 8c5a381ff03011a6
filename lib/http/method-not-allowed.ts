// Handlers for the methods a route does not offer: 405 as problem+json with an Allow header,
// instead of Next's empty 405.
import { problem, problemResponse } from "./problem";

type Handler = (request: Request) => Response;

export function methodsNotAllowed(allowed: readonly string[]): Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler> {
  const handler: Handler = (request) =>
    problemResponse(
      problem(
        405,
        "Method not allowed",
        `${request.method} is not allowed on ${new URL(request.url).pathname}; use ${allowed.join(" or ")}`,
      ),
      { allow: allowed.join(", ") },
    );
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
