// A route file's exports, made from the declared operations of its path: each declared method runs
// its implementation through the operation wrapper, every other method answers 405 with Allow.
// The path must be a key of API_OPERATIONS and the implementations exactly its methods (tsc checks
// both), so a route cannot serve what the document does not describe.
import { API_OPERATIONS, type ApiPath } from "@/lib/api/operations";
import { HTTP_METHODS, type HttpMethod, type Operation } from "@/lib/api/operation";
import { handleOperation, type OperationImplementation, type RouteContext, type RouteHandler } from "./operation-handler";
import { problemResponseFor } from "./problem";
import { methodNotAllowed } from "./method-not-allowed";

/** A library's own handler (next-auth), or the catch-all's: it takes the raw request. */
type ExternalHandler = (request: Request, context: RouteContext) => Promise<Response> | Response;

type Declared<P extends ApiPath> = (typeof API_OPERATIONS)[P];

export type RouteImplementations<P extends ApiPath> = {
  [M in keyof Declared<P>]: Declared<P>[M] extends Operation
    ? Declared<P>[M]["external"] extends true
      ? ExternalHandler
      : OperationImplementation<Declared<P>[M]>
    : never;
};

/** Which path and method a route file's export serves, for the tests that hold route files to the table. */
const served = new WeakMap<RouteHandler, { path: ApiPath; method: HttpMethod; declared: boolean }>();

export function servedOperation(handler: unknown) {
  return typeof handler === "function" ? served.get(handler as RouteHandler) : undefined;
}

export function serveRoute<P extends ApiPath>(path: P, implementations: RouteImplementations<P>): Record<HttpMethod, RouteHandler> {
  const declared = API_OPERATIONS[path] as Partial<Record<HttpMethod, Operation>> | undefined;
  if (!declared) throw new Error(`${path} is not declared in lib/api`);
  const given = implementations as Partial<Record<HttpMethod, unknown>>;
  const allowed = HTTP_METHODS.filter((method) => declared[method]);
  const undeclared = Object.keys(given).filter((method) => !allowed.includes(method as HttpMethod));
  if (undeclared.length > 0) throw new Error(`${path} implements ${undeclared.join(", ")}, which lib/api declares not`);
  const handlers = {} as Record<HttpMethod, RouteHandler>;
  for (const method of HTTP_METHODS) {
    const operation = declared[method];
    const implementation = given[method];
    if (operation && !implementation) throw new Error(`${path} declares ${method} in lib/api but its route does not implement it`);
    const handler: RouteHandler = !operation
      ? async (request) => methodNotAllowed(request, allowed)
      : operation.external
        ? external(implementation as ExternalHandler)
        : handleOperation(operation, implementation as OperationImplementation<Operation>);
    served.set(handler, { path, method, declared: Boolean(operation) });
    handlers[method] = handler;
  }
  return handlers;
}

function external(implementation: ExternalHandler): RouteHandler {
  return async (request, context) => {
    try {
      return await implementation(request, context);
    } catch (error) {
      const known = problemResponseFor(error);
      if (known) return known;
      throw error;
    }
  };
}
