// The OpenAPI 3.1 document, generated (zod-openapi) from the operation declarations in lib/api, the
// same objects the route handlers are made from: each operation's parameters and body, its answers,
// and the problem+json refusals the wrapper and the service can give. Built once per process.
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { z } from "zod";
import { auditEntrySchema } from "@/lib/audit/api-schema";
import { tokenSchema, userSchema } from "@/lib/auth/api-schema";
import { API_OPERATIONS } from "@/lib/api/operations";
import { HTTP_METHODS, type HttpMethod, type Operation, type OperationExamples, type OperationTable } from "@/lib/api/operation";
import { autoscalerViewSchema } from "@/lib/autoscaler/api-schema";
import { blueprintCheckSchema, blueprintDetailSchema, blueprintSummarySchema } from "@/lib/blueprint/api-schema";
import { ifMatchHeadersSchema } from "@/lib/shapes/etag";
import { agentSchema, clusterActivitySchema, clusterHierarchySchema, clusterSchema, hierarchyNodeSchema } from "@/lib/cluster/api-schema";
import { aggregatedMetricSeriesSchema, rawMetricSeriesSchema, workerHistorySchema } from "@/lib/metrics/api-schema";
import { healthSchema } from "@/lib/observability/api-schema";
import { problemSchema } from "@/lib/shapes/problem";
import { taskAttemptSchema, taskDetailSchema, taskSchema } from "@/lib/tasks/api-schema";

/** Schemas shown once under components and referred to by name wherever they occur. */
const NAMED_SCHEMAS = {
  Problem: problemSchema,
  Cluster: clusterSchema,
  Agent: agentSchema,
  Activity: clusterActivitySchema,
  ClusterHierarchy: clusterHierarchySchema,
  HierarchyNode: hierarchyNodeSchema,
  BlueprintSummary: blueprintSummarySchema,
  BlueprintDetail: blueprintDetailSchema,
  BlueprintCheck: blueprintCheckSchema,
  RawMetricSeries: rawMetricSeriesSchema,
  AggregatedMetricSeries: aggregatedMetricSeriesSchema,
  WorkerHistory: workerHistorySchema,
  AutoscalerView: autoscalerViewSchema,
  Task: taskSchema,
  TaskDetail: taskDetailSchema,
  TaskAttempt: taskAttemptSchema,
  User: userSchema,
  Token: tokenSchema,
  AuditEntry: auditEntrySchema,
  Health: healthSchema,
};

/** What every write taking If-Match answers when the header names an older revision. */
const STALE_REVISION = { status: 409, description: "If-Match named an older revision (stale revision)." };

const problemContent = { "application/problem+json": { schema: problemSchema } };

/** The refusals every route gets from the wrapper, by what it takes and who may call it. */
function wrapperRefusals(operation: Operation): Record<number, string> {
  const refusals: Record<number, string> = operation.budget === "exempt" ? {} : { 429: "Past the caller's rate limit; see Retry-After." };
  if (operation.query || operation.body || operation.headers) refusals[400] = "The request failed validation; `errors` lists every field.";
  if (operation.access !== "public") refusals[401] = "No credentials, or an unknown, revoked or expired token.";
  else refusals[401] = "Credentials were sent but are not valid.";
  if (operation.access === "operator" || operation.access === "admin") refusals[403] = `Needs the ${operation.access} role.`;
  if (operation.params) refusals[404] = "Not found.";
  if (operation.body) {
    refusals[413] = "The body is larger than 1 MiB.";
    refusals[415] = "The body is not JSON.";
  }
  return refusals;
}

/** The ETag of an answer that carries its revision: what a later If-Match names. */
const etagHeaders = z.object({ etag: z.string().meta({ description: 'The revision, quoted (e.g. "3"); send it back as If-Match.' }) });

function responsesOf(operation: Operation, examples: OperationExamples): ZodOpenApiResponsesObject {
  const { ok, alsoOk } = operation;
  const example = examples.ok === undefined ? {} : { example: examples.ok };
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [ok.status]: {
      description: ok.description,
      ...(ok.schema ? { content: { [ok.contentType ?? "application/json"]: { schema: ok.schema, ...example } } } : {}),
      ...(ok.etag ? { headers: etagHeaders } : {}),
    },
  };
  if (alsoOk) responses[alsoOk.status] = { description: alsoOk.description, content: { "application/json": { schema: alsoOk.schema } } };
  const { unavailable } = operation;
  if (unavailable)
    responses[503] = { description: unavailable.description, content: { "application/json": { schema: unavailable.schema } } };
  const refusals = wrapperRefusals(operation);
  const serviceRefusals = [...(operation.refusals ?? []), ...(operation.conditional ? [STALE_REVISION] : [])];
  for (const refusal of serviceRefusals)
    refusals[refusal.status] =
      refusals[refusal.status] && refusal.status !== 404 ? `${refusals[refusal.status]} ${refusal.description}` : refusal.description;
  for (const [status, description] of Object.entries(refusals)) responses[status] = { description, content: problemContent };
  return responses as ZodOpenApiResponsesObject;
}

function describeOperation(operation: Operation): { description?: string } {
  const role = operation.access === "public" ? undefined : `Needs the ${operation.access} role or higher.`;
  const description = [operation.description, role].filter(Boolean).join("\n\n");
  return description ? { description } : {};
}

function operationObject(path: string, method: HttpMethod, operation: Operation): ZodOpenApiOperationObject {
  const examples = operation.examples?.() ?? {};
  return {
    summary: operation.summary,
    operationId: `${method.toLowerCase()}${path.replace(/\{([^}]+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())}`,
    tags: [path.split("/")[2] ?? "api"],
    ...(operation.access === "public" ? { security: [] } : {}),
    ...describeOperation(operation),
    ...(operation.params || operation.query || operation.conditional || operation.headers
      ? {
          requestParams: {
            ...(operation.params ? { path: operation.params } : {}),
            ...(operation.query ? { query: operation.query } : {}),
            ...(operation.conditional || operation.headers
              ? {
                  header:
                    operation.headers && operation.conditional
                      ? operation.headers.extend(ifMatchHeadersSchema.shape)
                      : (operation.headers ?? ifMatchHeadersSchema),
                }
              : {}),
          },
        }
      : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: !operation.body.safeParse(undefined).success,
            content: { "application/json": { schema: operation.body, ...(examples.body === undefined ? {} : { example: examples.body }) } },
          },
        }
      : {}),
    responses: responsesOf(operation, examples),
  };
}

let document: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  if (document) return document;
  const paths: ZodOpenApiPathsObject = {};
  for (const [path, operations] of Object.entries(API_OPERATIONS as OperationTable)) {
    for (const method of HTTP_METHODS) {
      const operation = operations[method];
      if (operation) (paths[path] ??= {})[method.toLowerCase() as Lowercase<HttpMethod>] = operationObject(path, method, operation);
    }
  }
  document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Cluster Console API",
      version: "1.0.0",
      description:
        "Blueprints, clusters, tasks, metrics and the autoscaler. Scripts send an API token as `Authorization: Bearer <token>`; the console's pages use the session cookie.",
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    components: {
      schemas: NAMED_SCHEMAS,
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token (API tokens page, or `npm run console -- token create`).",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The console's sign-in session; mutations must also come from the console's own origin.",
        },
      },
    },
    paths,
  });
  return document;
}
