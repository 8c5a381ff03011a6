// The route files under app/api and what each serves: every file exports the five methods from
// serveRoute(<its own path>), and which of them are declared (the rest answer 405) comes from
// lib/api. The authorization matrix, the document's tests and the Prometheus labels check
// themselves against this list.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_METHODS, type HttpMethod, type OperationTable } from "@/lib/api/operation";
import { API_OPERATIONS } from "@/lib/api/operations";

export interface RouteMethod {
  method: HttpMethod;
  /** Next's pattern, such as /api/clusters/[id]. */
  pattern: string;
  /** Not declared in lib/api: the route answers 405. */
  notAllowed: boolean;
}

export interface RouteFile {
  file: string;
  pattern: string;
  /** The path the file passes to serveRoute, or null when it does not. */
  servedPath: string | null;
}

const SERVE_ROUTE = /export const \{ GET, POST, PUT, PATCH, DELETE \} = serveRoute\("([^"]+)"/;

export function discoverRouteFiles(root = "app/api"): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const pattern = `/${path.dirname(path.relative("app", full)).split(path.sep).join("/")}`;
        found.push({ file: full, pattern, servedPath: SERVE_ROUTE.exec(readFileSync(full, "utf8"))?.[1] ?? null });
      }
    }
  };
  walk(root);
  return found;
}

export function discoverRouteMethods(root = "app/api"): RouteMethod[] {
  const operations: OperationTable = API_OPERATIONS;
  return discoverRouteFiles(root).flatMap(({ pattern }) =>
    HTTP_METHODS.map((method) => ({ method, pattern, notAllowed: !operations[toOpenApiPath(pattern)]?.[method] })),
  );
}

/** Next's `[id]` and `[...path]` as OpenAPI's `{id}` and `{path}`. */
export const toOpenApiPath = (pattern: string): string => pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
