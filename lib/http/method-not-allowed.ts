// The answer for a method a path does not offer: 405 as problem+json with an Allow header, instead
// of Next's empty 405.
import { problem } from "@/lib/shapes/problem";
import { problemResponse } from "./problem";

export function methodNotAllowed(request: Request, allowed: readonly string[]): Response {
  const { pathname } = new URL(request.url);
  return problemResponse(problem("method-not-allowed", `${request.method} is not allowed on ${pathname}; use ${allowed.join(" or ")}`), {
    allow: allowed.join(", "),
  });
}
