// Every operation of the API, by path and method: the one table route files serve from
// (lib/http/serve-route.ts) and the OpenAPI document is built from (lib/openapi/document.ts). A
// route file can only serve a path and methods declared here, so nothing is served undocumented.
import { accountOperations } from "./account-operations";
import { blueprintOperations } from "./blueprint-operations";
import { clusterOperations } from "./cluster-operations";
import { metricsOperations } from "./metrics-operations";
import type { OperationTable } from "./operation";
import { systemOperations } from "./system-operations";
import { taskOperations } from "./task-operations";

export const API_OPERATIONS = {
  ...blueprintOperations,
  ...clusterOperations,
  ...metricsOperations,
  ...taskOperations,
  ...accountOperations,
  ...systemOperations,
} as const satisfies OperationTable;

export type ApiPath = keyof typeof API_OPERATIONS;
