// The contract between the routes and the document: every method a route file exports is
// described, nothing is described that no route serves, and every answer has its schema.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { discoverRouteMethods, HTTP_METHODS, toOpenApiPath } from "@/lib/test/route-files";
import { openApiDocument } from "./document";
import { operationExamples } from "./examples";

const DOCUMENT_ID = "https://cluster-console.local/openapi.json";
const pointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

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

  it("carries the examples, each valid against the schema it illustrates", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...JSON.parse(JSON.stringify(document)), $id: DOCUMENT_ID });
    const examples = [...operationExamples()];
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const [key, { body, ok }] of examples) {
      const [method, route] = key.split(" ") as [string, string];
      const operation = (document.paths?.[route] as Record<string, { requestBody?: unknown; responses: Record<string, unknown> }> | undefined)?.[method];
      expect(operation, `${key} is an operation`).toBeDefined();
      const operationPointer = `${DOCUMENT_ID}#/paths/${pointer(route)}/${method}`;
      if (body !== undefined) {
        const validate = ajv.getSchema(`${operationPointer}/requestBody/content/application~1json/schema`)!;
        expect(validate(body) ? [] : validate.errors, `${key} body example`).toEqual([]);
        expect((operation as { requestBody: { content: Record<string, { example: unknown }> } }).requestBody.content["application/json"]!.example, `${key} carries its example`).toEqual(body);
      }
      if (ok !== undefined) {
        const status = Object.keys(operation!.responses).find((code) => code.startsWith("2"))!;
        const validate = ajv.getSchema(`${operationPointer}/responses/${status}/content/application~1json/schema`)!;
        expect(validate(ok) ? [] : validate.errors, `${key} answer example`).toEqual([]);
      }
    }
  });

  it("illustrates validation with the validator's own answer for the example blueprint", () => {
    const validate = (document.paths?.["/api/blueprints/validate"] as { post: { responses: Record<string, { content: Record<string, { example: { valid: boolean; plan: { total_agents: number } } }> }> } }).post;
    const example = validate.responses["200"]!.content["application/json"]!.example;
    expect(example.valid).toBe(true);
    expect(example.plan.total_agents).toBeGreaterThan(3);
  });
});
