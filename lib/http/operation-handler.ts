// The one wrapper every declared operation is served through: authenticate, spend the rate budget,
// check the role (and the origin of cookie-borne mutations), parse params, query, body and If-Match
// with the declaration's schemas, run the handler, answer with the declared status (and ETag), turn
// thrown errors into problem+json, and log one line per request.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Access, Operation } from "@/lib/api/operation";
import type { AuditContext } from "@/lib/audit/audit-context";
import { authenticateRequest, type Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { ForbiddenError, RequestError, UnauthenticatedError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/observability/prometheus";
import { problem } from "@/lib/shapes/problem";
import { etagFor, readIfMatch } from "@/lib/shapes/etag";
import { problemResponse, problemResponseFor, zodFieldErrors } from "./problem";
import { type Budget, consumeBudget } from "./rate-limit";
import { readJsonBody } from "./read-json-body";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Behind a proxy, the console's public host; otherwise each request's own Host is the console's. */
const PUBLIC_HOST = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).host : null;

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler is given: the declaration's parts, parsed, and who is calling. */
export interface OperationInput<O extends Operation> {
  params: Parsed<O["params"]>;
  query: Parsed<O["query"]>;
  body: Parsed<O["body"]>;
  headers: Parsed<O["headers"]>;
  /** The revision If-Match names, for a conditional operation; undefined when absent. */
  ifMatch: O["conditional"] extends true ? number | undefined : undefined;
  request: Request;
  principal: O["access"] extends "public" ? Principal | null : Principal;
  /** Who is acting, for the audit line the service writes with its change. */
  audit: AuditContext;
}

const ALSO_OK = Symbol("alsoOk");
const UNAVAILABLE = Symbol("unavailable");

/** The operation's second success answer (a dry run's plan) instead of its first. */
export interface AlsoOk<T> {
  readonly [ALSO_OK]: T;
}

export function alsoOk<T>(body: T): AlsoOk<T> {
  return { [ALSO_OK]: body };
}

/** The operation's 503 answer with its declared body (a degraded health). */
export interface Unavailable<T> {
  readonly [UNAVAILABLE]: T;
}

export function unavailable<T>(body: T): Unavailable<T> {
  return { [UNAVAILABLE]: body };
}

/** What a handler returns: the declared answer's body, the second answer's, the 503 one's, or (for a stream or text) its own Response. */
export type OperationAnswer<O extends Operation> =
  | (O["ok"]["status"] extends 204 ? void : never)
  | (O["ok"] extends { contentType: string } ? Response : O["ok"]["schema"] extends z.ZodType ? z.output<O["ok"]["schema"]> : never)
  | (O["alsoOk"] extends { schema: z.ZodType } ? AlsoOk<z.output<O["alsoOk"]["schema"]>> : never)
  | (O["unavailable"] extends { schema: z.ZodType } ? Unavailable<z.output<O["unavailable"]["schema"]>> : never);

export type OperationImplementation<O extends Operation> = (input: OperationInput<O>) => Promise<OperationAnswer<O>>;

export function handleOperation<O extends Operation>(operation: O, implementation: OperationImplementation<O>): RouteHandler {
  return async (request, context) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(request.url);
    const ip = clientIp(request.headers);
    let principal: Principal | null = null;
    let budgetHeaders: Record<string, string> = {};
    let response: Response;
    try {
      principal = await authenticate(request, ip);
      const budget = budgetOf(request, principal, operation.budget);
      if (budget) budgetHeaders = await consumeBudget(budget, principal ? principalKey(principal) : (ip ?? "unknown"));
      authorize(operation.access, principal);
      if (principal?.via === "session" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      const params = parsePart(operation.params, await context.params, "not-found");
      const query = parsePart(operation.query, Object.fromEntries(url.searchParams), "invalid-query");
      const headers = parsePart(operation.headers, Object.fromEntries(request.headers), "invalid-request");
      const body = operation.body ? parsePart(operation.body, await readJsonBody(request), "invalid-request-body") : undefined;
      const ifMatch = operation.conditional ? readIfMatch(request) : undefined;
      const audit: AuditContext = { actorId: principal?.userId ?? null, actorEmail: principal?.email ?? "anonymous", ip, requestId };
      const input = { params, query, body, headers, ifMatch, request, principal, audit } as OperationInput<O>;
      response = answer(operation, await implementation(input));
    } catch (error) {
      response = problemResponseFor(error) ?? internalError(error, requestId);
    }
    const elapsed = performance.now() - started;
    observeRequest(request.method, url.pathname, response.status, elapsed / 1000);
    logger.info(
      {
        requestId,
        method: request.method,
        path: url.pathname,
        status: response.status,
        ms: Math.round(elapsed),
        user: principal?.email ?? null,
        via: principal?.via ?? null,
      },
      "request",
    );
    response.headers.set("x-request-id", requestId);
    for (const [name, value] of Object.entries(budgetHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  };
}

/** The handler's result as the declared answer: its status, JSON, and ETag when the declaration says so. */
function answer(operation: Operation, result: unknown): Response {
  if (result instanceof Response) return result;
  if (operation.ok.status === 204) return new Response(null, { status: 204 });
  if (typeof result === "object" && result !== null && ALSO_OK in result) {
    return Response.json((result as AlsoOk<unknown>)[ALSO_OK], { status: operation.alsoOk?.status ?? 200 });
  }
  if (typeof result === "object" && result !== null && UNAVAILABLE in result) {
    return Response.json((result as Unavailable<unknown>)[UNAVAILABLE], { status: 503 });
  }
  const revision = operation.ok.etag ? (result as { revision?: unknown }).revision : undefined;
  return Response.json(result, { status: operation.ok.status, headers: typeof revision === "number" ? { etag: etagFor(revision) } : {} });
}

/** Bad credentials still spend the caller's anonymous budget, so guessing tokens is rate limited too. */
async function authenticate(request: Request, ip: string | null): Promise<Principal | null> {
  try {
    return await authenticateRequest(request.headers);
  } catch (error) {
    if (error instanceof UnauthenticatedError) await consumeBudget("anonymous", ip ?? "unknown");
    throw error;
  }
}

function budgetOf(request: Request, principal: Principal | null, own: Operation["budget"]): Budget | null {
  if (own === "exempt") return null;
  if (!principal) return "anonymous";
  if (own) return own;
  return SAFE_METHODS.has(request.method) ? "read" : "mutation";
}

function principalKey(principal: Principal): string {
  return principal.tokenId ? `token:${principal.tokenId}` : `user:${principal.userId}`;
}

function authorize(access: Access, principal: Principal | null): void {
  if (access === "public") return;
  if (!principal) throw new UnauthenticatedError("sign in, or send an API token as Authorization: Bearer <token>");
  if (!hasRole(principal.role, access)) throw new ForbiddenError(`this needs the ${access} role; ${principal.email} is ${principal.role}`);
}

/**
 * A cookie travels with any request the browser makes, so a mutation must come from our own pages:
 * its Origin must name the host the browser addressed (or NEXTAUTH_URL behind a proxy). A page
 * elsewhere cannot forge Host or X-Forwarded-Host without a CORS preflight we never grant.
 */
function assertSameOrigin(request: Request): void {
  const expectedHost = PUBLIC_HOST ?? request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin");
  const sameSite =
    origin === null
      ? request.headers.get("sec-fetch-site") === "same-origin"
      : URL.canParse(origin) && new URL(origin).host === expectedHost;
  if (!sameSite)
    throw new RequestError(
      "cross-origin-request-refused",
      `a signed-in mutation must come from the console's own pages (${expectedHost}); scripts use an API token`,
    );
}

function internalError(error: unknown, requestId: string): Response {
  logger.error({ requestId, err: error }, "unhandled error");
  return problemResponse(
    problem("internal-error", `an unexpected error occurred; quote request id ${requestId} when reporting it`, { request_id: requestId }),
  );
}

function parsePart<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  code: "not-found" | "invalid-query" | "invalid-request-body" | "invalid-request",
): z.output<S> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodFieldErrors(result.error);
  throw new RequestError(code, errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join("; "), errors);
}
