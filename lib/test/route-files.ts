// The methods each route file under app/api exports, read from its source: the authorization
// matrix and the OpenAPI contract test both check themselves against this list.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteMethod {
  method: (typeof HTTP_METHODS)[number];
  /** Next's pattern, such as /api/clusters/[id]. */
  pattern: string;
  /** Exported only to answer 405 (methodsNotAllowed). */
  notAllowed: boolean;
}

export function discoverRouteMethods(root = "app/api"): RouteMethod[] {
  const found: RouteMethod[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const pattern = `/${path.dirname(path.relative("app", full)).split(path.sep).join("/")}`;
        const notAllowed = new Set(
          /export const \{([^}]*)\} = methodsNotAllowed/
            .exec(source)?.[1]
            ?.split(",")
            .map((name) => name.trim()) ?? [],
        );
        for (const method of HTTP_METHODS) {
          const exported =
            new RegExp(`export (const|(async )?function) ${method}\\b|export \\{[^}]*\\bas ${method}\\b`).test(source) ||
            notAllowed.has(method);
          if (exported) found.push({ method, pattern, notAllowed: notAllowed.has(method) });
        }
      }
    }
  };
  walk(root);
  return found;
}

/** Next's `[id]` and `[...path]` as OpenAPI's `{id}` and `{path}`. */
export const toOpenApiPath = (pattern: string): string => pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
