// The one wrapper every route handler goes through: parse params, query and body with zod,
// run the service, turn thrown errors into problem+json, and log one line per request.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { logger } from "@/lib/logger";
import { problem, problemFor, problemResponse, RequestError, zodFieldErrors } from "./problem";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

interface RouteSchemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
}

interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: Request;
}

export function apiRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
  schemas: RouteSchemas<P, Q, B>,
  handler: (input: RouteInput<P, Q, B>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(request.url);
    let response: Response;
    try {
      const params = parsePart(schemas.params, await context.params, "Not found", 404);
      const query = parsePart(schemas.query, Object.fromEntries(url.searchParams), "Invalid query", 400);
      const body = schemas.body ? parsePart(schemas.body, await readJsonBody(request), "Invalid request body", 400) : undefined;
      response = await handler({ params, query, body, request } as RouteInput<P, Q, B>);
    } catch (error) {
      const known = problemFor(error);
      if (known) {
        response = problemResponse(known);
      } else {
        logger.error({ requestId, err: error }, "unhandled error");
        response = problemResponse(
          problem(500, "Internal error", `an unexpected error occurred; quote request id ${requestId} when reporting it`, { request_id: requestId }),
        );
      }
    }
    logger.info({ requestId, method: request.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - started) }, "request");
    response.headers.set("x-request-id", requestId);
    return response;
  };
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, title: string, status: 400 | 404): z.output<S> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodFieldErrors(result.error);
  throw new RequestError(status, title, errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join("; "), errors);
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
