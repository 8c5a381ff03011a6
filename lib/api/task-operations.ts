// The task operations: submit one task or a batch to a cluster, list a cluster's tasks, read one
// (optionally waiting for it to finish), cancel and retry.
import { clusterIdParamsSchema } from "@/lib/cluster/api-schema";
import {
  getTaskQuerySchema,
  listTasksQuerySchema,
  MAX_INPUT_BYTES,
  MAX_TASKS_PER_CALL,
  submitTasksHeadersSchema,
  submitTasksRequestSchema,
  taskBatchSchema,
  taskDetailSchema,
  taskIdParamsSchema,
  taskPageSchema,
} from "@/lib/tasks/api-schema";
import { z } from "zod";
import { clusterMissing } from "./cluster-operations";
import type { OperationTable } from "./operation";

const taskMissing = { status: 404, description: "No task with this id." } as const;

export const taskOperations = {
  "/api/clusters/{id}/tasks": {
    GET: {
      summary: "List a cluster's tasks",
      access: "viewer",
      params: clusterIdParamsSchema,
      query: listTasksQuerySchema,
      ok: { status: 200, description: "A page of tasks, newest first, without their attempts.", schema: taskPageSchema },
      refusals: [clusterMissing],
    },
    POST: {
      summary: `Submit a task, or a batch of up to ${MAX_TASKS_PER_CALL.toLocaleString("en")}`,
      description:
        `One task answers as the task; \`{tasks: [...]}\` answers \`{items}\` in the order sent. Each task is checked against the cluster's blueprint: an unknown \`definition\` or \`capability\` is refused with the names that exist, as is an \`input\` over ${MAX_INPUT_BYTES / 1024} KiB; a batch with one bad task stores none of it, and \`errors\` names each field (\`tasks[3].definition\`). ` +
        "The whole body is at most 1 MiB. A task for a hibernated cluster wakes it.",
      access: "operator",
      params: clusterIdParamsSchema,
      headers: submitTasksHeadersSchema,
      body: submitTasksRequestSchema,
      ok: { status: 202, description: "Queued: the task, or `{items}` for a batch.", schema: z.union([taskDetailSchema, taskBatchSchema]) },
      refusals: [
        clusterMissing,
        { status: 409, description: "The cluster is being deleted, or the Idempotency-Key was used for another request." },
      ],
      examples: () => ({
        body: {
          input: "Write three subject lines for the spring launch",
          definition: "copywriter",
          priority: 7,
          metadata: { campaign: "spring" },
        },
      }),
    },
  },
  "/api/tasks/{taskId}": {
    GET: {
      summary: "Get a task with its attempts (optionally waiting for it to finish)",
      access: "viewer",
      params: taskIdParamsSchema,
      query: getTaskQuerySchema,
      ok: { status: 200, description: "The task and its attempts.", schema: taskDetailSchema },
      refusals: [taskMissing],
    },
  },
  "/api/tasks/{taskId}/cancel": {
    POST: {
      summary: "Cancel a queued, running or failed task",
      access: "operator",
      params: taskIdParamsSchema,
      ok: { status: 200, description: "The cancelled task.", schema: taskDetailSchema },
      refusals: [taskMissing, { status: 409, description: "The task is already final (succeeded, dead or cancelled)." }],
    },
  },
  "/api/tasks/{taskId}/retry": {
    POST: {
      summary: "Queue a dead or cancelled task again",
      access: "operator",
      params: taskIdParamsSchema,
      ok: { status: 200, description: "The task, queued with a fresh count of attempts.", schema: taskDetailSchema },
      refusals: [taskMissing, { status: 409, description: "The task is neither dead nor cancelled." }],
    },
  },
} as const satisfies OperationTable;
