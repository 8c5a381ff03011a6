// The one wrapper every route handler goes through: authenticate, spend the rate budget, check
// the role (and the origin of cookie-borne mutations), parse params, query and body with zod, run
// the service, turn thrown errors into problem+json, and log one line per request.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { AuditContext } from "@/lib/audit/audit-context";
import { authenticateRequest, ForbiddenError, type Principal, UnauthenticatedError } from "@/lib/auth/principal";
import { hasRole, type Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/observability/prometheus";
import { clientIp } from "./client-ip";
import { problem, problemResponse, problemResponseFor, RequestError, zodFieldErrors } from "./problem";
import { type Budget, consumeBudget } from "./rate-limit";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Behind a proxy, the console's public host; otherwise each request's own Host is the console's. */
const PUBLIC_HOST = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).host : null;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** The role a route needs; "public" routes answer without credentials (the setup page's). */
export type RouteAccess = Role | "public";

export interface RouteSchemas<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  access: RouteAccess;
  /** A signed-in caller's budget when not the read or mutation one (metrics ingestion). */
  budget?: "ingest";
  params?: P;
  query?: Q;
  body?: B;
}

interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends RouteAccess> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: Request;
  principal: A extends "public" ? Principal | null : Principal;
  /** Who is acting, for the audit line the service writes with its change. */
  audit: AuditContext;
}

type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

const routeContracts = new WeakMap<RouteHandler, RouteSchemas>();

/** The access and schemas a handler made by apiRoute checks: the OpenAPI test holds the document to them. */
export function routeContract(handler: unknown): RouteSchemas | undefined {
  return typeof handler === "function" ? routeContracts.get(handler as RouteHandler) : undefined;
}

export function apiRoute<
  A extends RouteAccess,
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(schemas: RouteSchemas<P, Q, B> & { access: A }, handler: (input: RouteInput<P, Q, B, A>) => Promise<Response>): RouteHandler {
  const routeHandler: RouteHandler = async (request, context) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(request.url);
    const ip = clientIp(request.headers);
    let principal: Principal | null = null;
    let budgetHeaders: Record<string, string> = {};
    let response: Response;
    try {
      principal = await authenticate(request, ip);
      budgetHeaders = await consumeBudget(
        budgetOf(request, principal, schemas.budget),
        principal ? principalKey(principal) : (ip ?? "unknown"),
      );
      authorize(schemas.access, principal);
      if (principal?.via === "session" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      const params = parsePart(schemas.params, await context.params, "Not found", 404);
      const query = parsePart(schemas.query, Object.fromEntries(url.searchParams), "Invalid query", 400);
      const body = schemas.body ? parsePart(schemas.body, await readJsonBody(request), "Invalid request body", 400) : undefined;
      const audit: AuditContext = { actorId: principal?.userId ?? null, actorEmail: principal?.email ?? "anonymous", ip, requestId };
      response = await handler({ params, query, body, request, principal, audit } as RouteInput<P, Q, B, A>);
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
  routeContracts.set(routeHandler, schemas);
  return routeHandler;
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

function budgetOf(request: Request, principal: Principal | null, own: "ingest" | undefined): Budget {
  if (!principal) return "anonymous" as const;
  if (own) return own;
  return SAFE_METHODS.has(request.method) ? ("read" as const) : ("mutation" as const);
}

function principalKey(principal: Principal): string {
  return principal.tokenId ? `token:${principal.tokenId}` : `user:${principal.userId}`;
}

function authorize(access: RouteAccess, principal: Principal | null): void {
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
      403,
      "Cross-origin request refused",
      `a signed-in mutation must come from the console's own pages (${expectedHost}); scripts use an API token`,
    );
}

function internalError(error: unknown, requestId: string): Response {
  logger.error({ requestId, err: error }, "unhandled error");
  return problemResponse(
    problem(500, "Internal error", `an unexpected error occurred; quote request id ${requestId} when reporting it`, {
      request_id: requestId,
    }),
  );
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, title: string, status: 400 | 404): z.output<S> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodFieldErrors(result.error);
  throw new RequestError(
    status,
    title,
    errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join("; "),
    errors,
  );
}

/** The parsed JSON body; undefined for a request with no body at all (actions whose body is optional). */
async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge();
  const isJson = /^application\/([a-z.+-]*\+)?json\b/i.test(contentType);
  const text = await readLimitedText(request);
  if (!isJson) {
    if (contentType === "" && text === "") return undefined;
    throw new RequestError(415, "Unsupported media type", "send the body as JSON with Content-Type: application/json");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, "Malformed JSON", `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge() {
  return new RequestError(413, "Payload too large", `the body may be at most ${MAX_BODY_BYTES / 1024} KiB`);
}

/** Reads the body as UTF-8 and stops as soon as it passes the limit, whatever Content-Length said. */
async function readLimitedText(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}
