// What an operation of the API is: its method and path (the key it is registered under), who may
// call it, the zod schemas of its parameters, query and body, its answers with their statuses, and
// the examples the document shows. The route handler, the OpenAPI document and the 405 answers of a
// path are all derived from these declarations (lib/api/operations.ts).
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The role an operation needs; "public" operations answer without credentials (the setup page's). */
export type Access = Role | "public";

export interface OperationExamples {
  body?: unknown;
  ok?: unknown;
}

export interface Operation {
  summary: string;
  /** What a caller should know beyond the summary; the document adds the role it needs. */
  description?: string;
  access: Access;
  /**
   * A signed-in caller's budget when not the read or mutation one (metrics ingestion), or `exempt`:
   * no budget at all, for the health probe, whose work one check shares across every call.
   */
  budget?: "ingest" | "exempt";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Request headers the handler reads (lower-case names), such as Idempotency-Key; If-Match has `conditional`. */
  headers?: z.ZodObject;
  /** Takes If-Match with the revision the change is based on; an older one is refused 409. */
  conditional?: true;
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    /** Not JSON: the handler answers with its own Response (a stream, Prometheus text). */
    contentType?: string;
    /** The answer carries its `revision` as ETag, the value a later If-Match names. */
    etag?: true;
  };
  /** A second success answer (a dry run's plan), given when the handler returns alsoOk(...). */
  alsoOk?: { status: 200; description: string; schema: z.ZodType };
  /** The 503 answer with a body of its own (a degraded health), given when the handler returns unavailable(...). */
  unavailable?: { description: string; schema: z.ZodType };
  /** Refusals the service itself gives, besides those the wrapper adds (400, 401, 403, 404, 413, 415, 429). */
  refusals?: ReadonlyArray<{ status: 404 | 409; description: string }>;
  /** Request and answer examples for the document, computed when the document is built. */
  examples?: () => OperationExamples;
  /** Served by a library (next-auth) or the catch-all 404: the handler takes the raw request. */
  external?: true;
}

/** Operations by path (OpenAPI's `{id}` for Next's `[id]`, `{path}` for `[...path]`), then by method. */
export type OperationTable = Record<string, Partial<Record<HttpMethod, Operation>>>;
