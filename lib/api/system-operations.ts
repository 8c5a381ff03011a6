// The console's own paths: the health probe, the live event stream, this document, next-auth's endpoints and the
// 404 for every other /api path.
import { clusterEventsQuerySchema } from "@/lib/cluster/api-schema";
import { healthSchema } from "@/lib/observability/api-schema";
import { z } from "zod";
import { HTTP_METHODS, type Operation, type OperationTable } from "./operation";

const anyOtherPath = {
  summary: "Any other path",
  access: "public",
  external: true,
  ok: { status: 204, description: "Never: every other path answers 404." },
  refusals: [{ status: 404, description: "No such route." }],
} as const satisfies Operation;

export const systemOperations = {
  "/api/health": {
    GET: {
      summary: "This instance's health, for a load balancer's probe",
      description:
        "No credentials and no request budget; one check (database, migrations) serves every call for 2 s. Never shows configuration.",
      access: "public",
      budget: "exempt",
      ok: { status: 200, description: "The database answers and every migration this build ships is applied.", schema: healthSchema },
      unavailable: {
        description: "The database does not answer, or migrations are pending: take this instance out.",
        schema: healthSchema,
      },
    },
  },
  "/api/events": {
    GET: {
      summary: "Live cluster changes (Server-Sent Events)",
      access: "viewer",
      query: clusterEventsQuerySchema,
      ok: {
        status: 200,
        description: "event: cluster | cluster-deleted | reset, resumable with Last-Event-ID.",
        contentType: "text/event-stream",
        schema: z.string(),
      },
    },
  },
  "/api/openapi.json": {
    GET: {
      summary: "This document",
      access: "public",
      ok: { status: 200, description: "The OpenAPI 3.1 document.", schema: z.looseObject({ openapi: z.string() }) },
    },
  },
  "/api/auth/{nextauth}": {
    GET: {
      summary: "next-auth: providers, session, CSRF token",
      access: "public",
      external: true,
      ok: { status: 200, description: "next-auth's answer.", schema: z.looseObject({}) },
    },
    POST: {
      summary: "next-auth: sign in with email and password, sign out",
      access: "public",
      external: true,
      ok: { status: 200, description: "next-auth's answer (browsers get a redirect).", schema: z.looseObject({}) },
    },
  },
  "/api/{path}": Object.fromEntries(HTTP_METHODS.map((method) => [method, anyOtherPath])) as Record<
    (typeof HTTP_METHODS)[number],
    typeof anyOtherPath
  >,
} as const satisfies OperationTable;
