// The document's table against the routes themselves: every handler made by apiRoute is loaded and
// must check the access, path parameters, query and body the table describes for it (the very
// same zod schema objects), so the document cannot describe a schema the route does not use.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeContract } from "@/lib/http/route";
import { discoverRouteMethods, toOpenApiPath } from "@/lib/test/route-files";
import { OPERATIONS } from "./operations";

/** Route files that are not our handlers: next-auth's own, and the catch-all that answers 404. */
const NOT_API_ROUTE = new Set(["/api/auth/{nextauth}", "/api/{path}"]);

describe("the operations table", () => {
  it("names the schemas and the access each route handler checks", async () => {
    const served = discoverRouteMethods().filter((route) => !route.notAllowed && !NOT_API_ROUTE.has(toOpenApiPath(route.pattern)));
    expect(served.length).toBeGreaterThan(35);
    for (const route of served) {
      const where = `${route.method} ${route.pattern}`;
      const routeModule = (await import(path.resolve(`app${route.pattern}/route.ts`))) as Record<string, unknown>;
      const contract = routeContract(routeModule[route.method]);
      expect(contract, `${where} is made by apiRoute`).toBeDefined();
      const operation = OPERATIONS.find(
        (candidate) => candidate.method === route.method.toLowerCase() && candidate.path === toOpenApiPath(route.pattern),
      );
      expect(operation, `${where} is in the table`).toBeDefined();
      expect(contract!.access, `${where} access`).toBe(operation!.access);
      expect(contract!.params, `${where} path parameters`).toBe(operation!.params);
      expect(contract!.query, `${where} query`).toBe(operation!.query);
      expect(contract!.body, `${where} body`).toBe(operation!.body);
    }
  });
});
