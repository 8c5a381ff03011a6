// The contract between the routes and the document: every method a route file exports is
// described, nothing is described that no route serves, and every answer has its schema.
import { describe, expect, it } from "vitest";
import { discoverRouteMethods, HTTP_METHODS, toOpenApiPath } from "@/lib/test/route-files";
import { openApiDocument } from "./document";

/** "METHOD /api/path/{param}" for every method a route file serves (not the 405 answers). */
const servedOperations = () =>
  discoverRouteMethods()
    .filter((route) => !route.notAllowed)
    .map((route) => `${route.method} ${toOpenApiPath(route.pattern)}`)
    .sort();

describe("the OpenAPI document", () => {
  const document = openApiDocument();
  const described = Object.entries(document.paths ?? {})
    .flatMap(([route, item]) => HTTP_METHODS.filter((method) => method.toLowerCase() in (item as object)).map((method) => `${method} ${route}`))
    .sort();

  it("describes exactly the methods the route files serve", () => {
    expect(servedOperations().length).toBeGreaterThan(40);
    expect(described).toEqual(servedOperations());
  });

  it("gives every answer a schema, and every refusal the problem+json one", () => {
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const where = `${method.toUpperCase()} ${route} ${status}`;
          if (status === "204") continue;
          const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
          expect(media?.schema, where).toBeDefined();
          if (Number(status) >= 400) expect([contentType, media?.schema], where).toEqual(["application/problem+json", { $ref: "#/components/schemas/Problem" }]);
        }
        expect(Object.keys(operation.responses), `${method} ${route}`).toContain("429");
      }
    }
  });

  it("names both ways to authenticate and the shared shapes", () => {
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(["bearerToken", "sessionCookie"]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(["Problem", "Cluster", "BlueprintDetail", "AutoscalerView"]));
    expect(document.openapi).toBe("3.1.0");
  });
});
