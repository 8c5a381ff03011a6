// Request and response shapes of the task routes (spec/tasks.md, "The task"; spec/api.md, Tasks),
// shared by routes, services, hooks and OpenAPI.
import { z } from "zod";
import { pageOf, paginationQuery } from "@/lib/shapes/pagination";
import { ATTEMPT_OUTCOMES, TASK_STATUSES } from "./task-status";

export const MAX_TASKS_PER_CALL = 1000;
export const MAX_INPUT_BYTES = 256 * 1024;
export const MAX_METADATA_BYTES = 16 * 1024;
export const MAX_ATTEMPTS_LIMIT = 20;
export const MAX_TIMEOUT_S = 86_400;
/** How long an Idempotency-Key is remembered: a retry after a lost answer comes within seconds, not days. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

const routingName = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, { error: `${what} must not be empty` })
    .max(64, { error: `${what} must be at most 64 characters` });

export const taskRequestSchema = z.strictObject({
  input: z
    .unknown()
    // Aborting: a body without input is no single task, so a batch's own problems are the ones reported.
    .refine((value) => value !== undefined, { error: "input is required: a JSON value (a string is a plain text prompt)", abort: true })
    .describe(`What the agent works on: any JSON value (a string is a plain text prompt), at most ${MAX_INPUT_BYTES / 1024} KiB.`),
  definition: routingName("definition").optional().describe("The agent definition (the blueprint's `agents[].name`) that must run it."),
  capability: routingName("capability")
    .optional()
    .describe("A capability the agent must list (`agents[].capabilities`); without a definition any agent listing it may run the task."),
  priority: z
    .int({ error: "priority must be a whole number" })
    .min(0, { error: "priority must be from 0 to 9" })
    .max(9, { error: "priority must be from 0 to 9" })
    .default(5)
    .describe("Higher runs first, then oldest first."),
  timeout_s: z
    .int({ error: "timeout_s must be a whole number of seconds" })
    .min(1, { error: `timeout_s must be from 1 to ${MAX_TIMEOUT_S}` })
    .max(MAX_TIMEOUT_S, { error: `timeout_s must be from 1 to ${MAX_TIMEOUT_S}` })
    .default(300)
    .describe("Seconds one attempt may take."),
  max_attempts: z
    .int({ error: "max_attempts must be a whole number" })
    .min(1, { error: `max_attempts must be from 1 to ${MAX_ATTEMPTS_LIMIT}` })
    .max(MAX_ATTEMPTS_LIMIT, { error: `max_attempts must be from 1 to ${MAX_ATTEMPTS_LIMIT}` })
    .default(3)
    .describe("Attempts before the task is `dead`; a failed attempt is retried after min(2^attempt, 60) seconds."),
  parent_task_id: z
    .string({ error: "parent_task_id must be a task id" })
    .min(1)
    .max(100)
    .optional()
    .describe("The task of the same cluster that created this one (an agent delegating)."),
  metadata: z
    .record(z.string(), z.unknown(), { error: "metadata must be an object" })
    .optional()
    .describe(`Free-form fields kept with the task, at most ${MAX_METADATA_BYTES / 1024} KiB.`),
});
export type TaskRequest = z.output<typeof taskRequestSchema>;

export const taskBatchRequestSchema = z.strictObject({
  tasks: z
    .array(taskRequestSchema, { error: "tasks must be a list of tasks" })
    .min(1, { error: "send at least one task" })
    .max(MAX_TASKS_PER_CALL, { error: `send at most ${MAX_TASKS_PER_CALL} tasks a call` }),
});

/** One task, answered as the task, or `{tasks: [...]}`, answered as `{items}`. */
export const submitTasksRequestSchema = z.union([taskRequestSchema, taskBatchRequestSchema]);
export type SubmitTasksRequest = z.output<typeof submitTasksRequestSchema>;

export const submitTasksHeadersSchema = z.object({
  "idempotency-key": z
    .string()
    .min(1, { error: "Idempotency-Key must not be empty" })
    .max(200, { error: "Idempotency-Key must be at most 200 characters" })
    .optional()
    .meta({
      description:
        "Makes a retried submission safe: the same key with the same body answers the task(s) the first call created, for a day; the same key with another body is refused with 409.",
    }),
});

export const taskErrorSchema = z.object({ type: z.string(), message: z.string() });

export const taskAttemptSchema = z.object({
  number: z.int().describe("1, 2, ... over the task's whole life; a retry by an operator continues the numbering."),
  agent_id: z.string(),
  started_at: z.iso.datetime(),
  ended_at: z.iso.datetime().nullable(),
  outcome: z.enum(ATTEMPT_OUTCOMES).describe("`lost`: the lease expired, or the console stopped the agent (then it does not count)."),
  error: taskErrorSchema.nullable(),
  executor_ref: z.string().nullable().describe("The executor's own id for the work (an A2A task id)."),
  facts: z.record(z.string(), z.unknown()).nullable().describe("What the executor reported besides the result (token usage)."),
  refused_outcome: z
    .string()
    .nullable()
    .describe("The outcome an agent reported after it had lost the lease: refused, so no task completes twice."),
});
export type TaskAttemptView = z.infer<typeof taskAttemptSchema>;

export const taskSchema = z.object({
  id: z.string(),
  cluster_id: z.string(),
  input: z.unknown(),
  definition: z.string().nullable(),
  capability: z.string().nullable(),
  priority: z.int(),
  timeout_s: z.int(),
  max_attempts: z.int(),
  attempt_count: z.int().describe("Attempts counted against max_attempts since the task was last queued by an operator."),
  parent_task_id: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  status: z.enum(TASK_STATUSES),
  result: z.unknown().describe("The executor's answer, once succeeded; null before."),
  error: taskErrorSchema.nullable().describe("The last failure."),
  agent_id: z.string().nullable().describe("The agent running it now, or the one that ran its latest attempt; null while queued."),
  next_attempt_at: z.iso.datetime().nullable().describe("While `failed`: when the next attempt may start."),
  created_by: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  started_at: z.iso.datetime().nullable().describe("When the latest attempt started."),
  finished_at: z.iso.datetime().nullable(),
});
export type TaskView = z.infer<typeof taskSchema>;

export const taskDetailSchema = taskSchema.extend({ attempts: z.array(taskAttemptSchema) });
export type TaskDetailView = z.infer<typeof taskDetailSchema>;

export const taskBatchSchema = z.object({ items: z.array(taskSchema).describe("The tasks in the order they were sent.") });
export type TaskBatchView = z.infer<typeof taskBatchSchema>;

export const taskIdParamsSchema = z.object({ taskId: z.string().min(1).max(100) });

export const getTaskQuerySchema = z.object({
  wait_s: z.coerce
    .number({ error: "wait_s must be a number of seconds" })
    .int({ error: "wait_s must be a whole number of seconds" })
    .min(1, { error: "wait_s must be from 1 to 30" })
    .max(30, { error: "wait_s must be from 1 to 30" })
    .optional()
    .describe("Hold the answer until the task is final (succeeded, dead or cancelled) or this many seconds have passed."),
});

export const listTasksQuerySchema = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  definition: routingName("definition").optional(),
  capability: routingName("capability").optional(),
  agent_id: z.string().min(1).max(100).optional(),
  since: z.iso
    .datetime({ offset: true, error: "since must be an ISO 8601 date-time" })
    .optional()
    .describe("Only tasks created at or after this time."),
  ...paginationQuery,
});
export type ListTasksQuery = z.output<typeof listTasksQuerySchema>;

/** The list counts matching tasks up to this many; past it the page says `total_capped`. */
export const TASK_COUNT_CAP = 10_000;

export const taskPageSchema = pageOf(taskSchema).extend({
  total_capped: z
    .boolean()
    .describe(`true when more than ${TASK_COUNT_CAP.toLocaleString("en")} tasks match: \`total\` is then that cap, not the exact count.`),
});
export type TaskPage = z.infer<typeof taskPageSchema>;
