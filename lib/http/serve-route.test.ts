// Route files serve exactly the declared operations: each exports the five methods from
// serveRoute(<its own path>), each declared path has its file, undeclared methods answer 405 with
// Allow, and an implementation that does not match its declaration is refused (by tsc, and at load).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, type OperationTable } from "@/lib/api/operation";
import { API_OPERATIONS } from "@/lib/api/operations";
import { discoverRouteFiles, toOpenApiPath } from "@/lib/test/route-files";
import { serveRoute, servedOperation } from "./serve-route";

const context = { params: Promise.resolve({}) };

describe("route files", () => {
  const files = discoverRouteFiles();

  it("each export the five methods from serveRoute with their own path", async () => {
    expect(files.length).toBeGreaterThan(25);
    for (const { file, pattern, servedPath } of files) {
      expect(servedPath, `${file} serves its own path through serveRoute`).toBe(toOpenApiPath(pattern));
      const routeModule = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        const served = servedOperation(routeModule[method]);
        expect(served, `${method} ${pattern} is made by serveRoute`).toMatchObject({ path: servedPath, method });
        expect(served!.declared, `${method} ${pattern}`).toBe(Boolean((API_OPERATIONS as OperationTable)[servedPath!]?.[method]));
      }
    }
  });

  it("exist for every declared path", () => {
    const served = new Set(files.map(({ servedPath }) => servedPath));
    expect(Object.keys(API_OPERATIONS).filter((declared) => !served.has(declared))).toEqual([]);
  });
});

describe("serveRoute", () => {
  it("answers an undeclared method 405 with the declared ones in Allow", async () => {
    const { PUT } = serveRoute("/api/setup", {
      GET: async () => ({ needs_setup: false }),
      POST: async () => Promise.reject(new Error("unused")),
    });
    const response = await PUT(new Request("http://console.test/api/setup", { method: "PUT" }), context);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(await response.json()).toMatchObject({ type: "urn:cluster-console:problem:method-not-allowed", title: "Method not allowed" });
  });

  it("refuses an implementation of a method the path does not declare, and a declared method left out", () => {
    const me = async () => ({ id: "u", email: "e", name: null, role: "viewer" as const, via: "token" as const });
    // @ts-expect-error -- /api/me declares no POST
    expect(() => serveRoute("/api/me", { GET: me, POST: me })).toThrow("/api/me implements POST, which lib/api declares not");
    // @ts-expect-error -- /api/me declares GET
    expect(() => serveRoute("/api/me", {})).toThrow("/api/me declares GET in lib/api but its route does not implement it");
    // @ts-expect-error -- a path lib/api does not declare cannot be served
    expect(() => serveRoute("/api/undeclared", {})).toThrow("/api/undeclared is not declared in lib/api");
  });
});
