// The contract between the routes and the document: every method a route file exports is
// described, nothing is described that no route serves, and every answer has its schema.
import { describe, expect, it } from "vitest";
import { documentSchemas } from "@/lib/test/openapi-schemas";
import { HTTP_METHODS, type OperationTable } from "@/lib/api/operation";
import { API_OPERATIONS } from "@/lib/api/operations";
import { discoverRouteMethods, toOpenApiPath } from "@/lib/test/route-files";
import { openApiDocument } from "./document";

/** "method /api/path" and the examples of every declared operation that has some. */
const declaredExamples = () =>
  Object.entries(API_OPERATIONS as OperationTable).flatMap(([path, operations]) =>
    HTTP_METHODS.flatMap((method) => {
      const examples = operations[method]?.examples?.();
      return examples ? [[`${method.toLowerCase()} ${path}`, examples] as const] : [];
    }),
  );

/** "METHOD /api/path/{param}" for every method a route file serves (not the 405 answers). */
const servedOperations = () =>
  discoverRouteMethods()
    .filter((route) => !route.notAllowed)
    .map((route) => `${route.method} ${toOpenApiPath(route.pattern)}`)
    .sort();

describe("the OpenAPI document", () => {
  const document = openApiDocument();
  const described = Object.entries(document.paths ?? {})
    .flatMap(([route, item]) =>
      HTTP_METHODS.filter((method) => method.toLowerCase() in (item as object)).map((method) => `${method} ${route}`),
    )
    .sort();

  it("describes exactly the methods the route files serve", () => {
    expect(servedOperations().length).toBeGreaterThan(40);
    expect(described).toEqual(servedOperations());
  });

  it("gives every answer a schema, and every refusal the problem+json one", () => {
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(
        item as Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>,
      )) {
        const declared = (API_OPERATIONS as OperationTable)[route]?.[method.toUpperCase() as (typeof HTTP_METHODS)[number]];
        for (const [status, response] of Object.entries(operation.responses)) {
          const where = `${method.toUpperCase()} ${route} ${status}`;
          if (status === "204") continue;
          const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
          expect(media?.schema, where).toBeDefined();
          // A declared 503 (the health probe's) carries the operation's own body.
          if (status === "503" && declared?.unavailable) expect(contentType, where).toBe("application/json");
          else if (Number(status) >= 400)
            expect([contentType, media?.schema], where).toEqual(["application/problem+json", { $ref: "#/components/schemas/Problem" }]);
        }
        if (declared?.budget === "exempt") expect(Object.keys(operation.responses), `${method} ${route}`).not.toContain("429");
        else expect(Object.keys(operation.responses), `${method} ${route}`).toContain("429");
      }
    }
  });

  it("names both ways to authenticate and the shared shapes", () => {
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(["bearerToken", "sessionCookie"]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(["Problem", "Cluster", "BlueprintDetail", "AutoscalerView"]),
    );
    expect(document.openapi).toBe("3.1.0");
  });

  it("carries the examples, each valid against the schema it illustrates", () => {
    const schemaAt = documentSchemas(document);
    const examples = declaredExamples();
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const [key, { body, ok }] of examples) {
      const [method, route] = key.split(" ") as [string, string];
      const operation = (
        document.paths?.[route] as Record<string, { requestBody?: unknown; responses: Record<string, unknown> }> | undefined
      )?.[method];
      expect(operation, `${key} is an operation`).toBeDefined();
      if (body !== undefined) {
        const validate = schemaAt("paths", route, method, "requestBody", "content", "application/json", "schema");
        expect(validate(body) ? [] : validate.errors, `${key} body example`).toEqual([]);
        expect(
          (operation as { requestBody: { content: Record<string, { example: unknown }> } }).requestBody.content["application/json"]!
            .example,
          `${key} carries its example`,
        ).toEqual(body);
      }
      if (ok !== undefined) {
        const status = Object.keys(operation!.responses).find((code) => code.startsWith("2"))!;
        const validate = schemaAt("paths", route, method, "responses", status, "content", "application/json", "schema");
        expect(validate(ok) ? [] : validate.errors, `${key} answer example`).toEqual([]);
      }
    }
  });

  it("illustrates validation with the validator's own answer for the example blueprint", () => {
    const validate = (
      document.paths?.["/api/blueprints/validate"] as {
        post: { responses: Record<string, { content: Record<string, { example: { valid: boolean; plan: { total_agents: number } } }> }> };
      }
    ).post;
    const example = validate.responses["200"]!.content["application/json"]!.example;
    expect(example.valid).toBe(true);
    expect(example.plan.total_agents).toBeGreaterThan(3);
  });
});
