// The blueprint format (spec/blueprint-format.md) as zod schemas: the one source of its types,
// of the editor's JSON Schema and of the API's request checks.
import { z } from "zod";
import { concurrencySchema, executorSchema } from "./executor-schema";

export const AGENT_ROLES = ["supervisor", "lead", "specialist", "worker"] as const;
export const CLUSTER_TYPES = ["department", "project", "campaign", "team"] as const;
export const SCALING_METRICS = [
  "queue_depth",
  "tasks_per_minute",
  "response_time_ms",
  "cpu_utilization",
  "memory_utilization",
  "error_rate",
] as const;
/** Metrics whose target is per worker (the total is divided by the workers); the others are cluster-wide averages. */
export const PER_WORKER_METRICS: ReadonlySet<string> = new Set(["queue_depth", "tasks_per_minute"]);
/** Metrics whose target is a fraction in (0, 1]. */
export const FRACTION_METRICS: ReadonlySet<string> = new Set(["cpu_utilization", "memory_utilization", "error_rate"]);

export const MAX_WORKERS_LIMIT = 1000;
export const MAX_COUNT = 1000;
export const MAX_TAG_LENGTH = 50;

const BLUEPRINT_ID_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const AGENT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
// The regular expression the Semantic Versioning 2.0.0 document recommends.
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
export const COUNT_RANGE_PATTERN = /^(\d{1,4})-(\d{1,4})$/;

const freeFormConfig = z.record(z.string(), z.unknown(), {
  error: "must be a mapping of keys to values",
});
const stringList = z.array(z.string({ error: "must be a string" }), { error: "must be a list of strings" });
const nonNegative = (what: string) => z.number({ error: `${what} must be a number` }).nonnegative({ error: `${what} must be 0 or more` });
const workerBound = (what: string) =>
  z
    .int({ error: `${what} must be a whole number` })
    .min(0, { error: `${what} must be 0 or more` })
    .max(MAX_WORKERS_LIMIT, { error: `${what} must be at most ${MAX_WORKERS_LIMIT}` });

export const blueprintIdSchema = z
  .string({ error: "id must be a string" })
  .min(1, { error: "id must not be empty" })
  .max(64, { error: "id must be at most 64 characters" })
  .regex(BLUEPRINT_ID_PATTERN, {
    error: "id may hold letters, digits and single hyphens, and may not start or end with a hyphen",
  });

export const metadataSchema = z.strictObject({
  id: blueprintIdSchema.describe("Unique id of the blueprint, such as marketing-v1: letters, digits and single hyphens."),
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, { error: "name must not be empty" })
    .max(200, { error: "name must be at most 200 characters" })
    .describe("Display name of the blueprint."),
  version: z
    .string({ error: "version must be a semantic version such as 1.0.0 (quote it if YAML reads a number)" })
    .regex(SEMVER_PATTERN, { error: "version must be a semantic version such as 1.0.0 or 2.1.0-rc.1" })
    .describe("Semantic version; every saved change of the YAML needs a higher one."),
  description: z.string({ error: "description must be a string" }).optional().describe("What the team spawned from this blueprint does."),
  author: z.string({ error: "author must be a string" }).optional().describe("Who maintains the blueprint."),
  tags: z
    .array(
      z
        .string({ error: "a tag must be a string" })
        .min(1, { error: "a tag must not be empty" })
        .max(MAX_TAG_LENGTH, { error: `a tag must be at most ${MAX_TAG_LENGTH} characters` }),
      { error: "tags must be a list of strings" },
    )
    .optional()
    .describe("Labels for finding the blueprint in the catalogue."),
});

export const scalingSchema = z.strictObject({
  metric: z
    .enum(SCALING_METRICS, { error: `metric must be one of ${SCALING_METRICS.join(", ")}` })
    .describe("The metric the autoscaler watches."),
  target_value: z
    .number({ error: "target_value must be a number" })
    .positive({ error: "target_value must be greater than 0" })
    .describe("The metric's target: per worker for queue_depth and tasks_per_minute, a cluster-wide average otherwise."),
  tolerance: nonNegative("tolerance").default(0.1).describe("No scaling while the metric is within this fraction of the target."),
  scale_up_stabilization_s: nonNegative("scale_up_stabilization_s")
    .default(0)
    .describe("Seconds of recommendations to weigh before scaling up."),
  scale_down_stabilization_s: nonNegative("scale_down_stabilization_s")
    .default(300)
    .describe("Seconds of recommendations to weigh before scaling down."),
  evaluation_interval_s: nonNegative("evaluation_interval_s").default(15).describe("Seconds between two autoscaler evaluations."),
  hibernate_after_idle_s: nonNegative("hibernate_after_idle_s")
    .optional()
    .describe("Hibernate the cluster after the metric stays at zero this long."),
});

export type ScalingPolicy = z.output<typeof scalingSchema>;

/** Free-form but for `executor`, which the validator checks (spec/blueprint-format.md). */
const clusterConfigSchema = z.looseObject(
  { executor: executorSchema.optional().describe("The executor of every agent definition that names none.") },
  { error: "must be a mapping of keys to values" },
);

export const clusterSettingsSchema = z.strictObject({
  type: z.enum(CLUSTER_TYPES, { error: `type must be one of ${CLUSTER_TYPES.join(", ")}` }).describe("What kind of team the cluster is."),
  min_workers: workerBound("min_workers").describe("The fewest workers the cluster may run."),
  max_workers: workerBound("max_workers").describe("The most workers the cluster may run."),
  target_workers: workerBound("target_workers").optional().describe("Workers to start with; defaults to min_workers."),
  scaling: scalingSchema.optional().describe("How the autoscaler sizes the workers."),
  config: clusterConfigSchema
    .optional()
    .describe("Settings every agent of the cluster receives; its executor is every definition's default."),
});

/** An integer, or for workers a range "MIN-MAX"; role-dependent rules live in rules.ts. */
const COUNT_MESSAGE = `count must be a whole number from 1 to ${MAX_COUNT} or, for workers, a range "MIN-MAX"`;
export const agentCountSchema = z.union(
  [
    z.int({ error: COUNT_MESSAGE }).min(1, { error: COUNT_MESSAGE }).max(MAX_COUNT, { error: COUNT_MESSAGE }),
    z.string({ error: COUNT_MESSAGE }).regex(COUNT_RANGE_PATTERN, { error: COUNT_MESSAGE }),
  ],
  { error: COUNT_MESSAGE },
);

export const agentDefinitionSchema = z.strictObject({
  name: z
    .string({ error: "name must be a string" })
    .min(1, { error: "name must not be empty" })
    .max(64, { error: "name must be at most 64 characters" })
    .regex(AGENT_NAME_PATTERN, { error: "name may hold letters, digits, '-' and '_' only" })
    .describe("Unique name of the agent definition; instances are named <name>-1, <name>-2, ..."),
  role: z
    .enum(AGENT_ROLES, { error: `role must be one of ${AGENT_ROLES.join(", ")}` })
    .describe("supervisor (exactly one, leads the cluster), lead, specialist, or worker (the scalable group)."),
  count: agentCountSchema.optional().describe('How many instances: a whole number, or for workers a range such as "2-8".'),
  reports_to: z
    .string({ error: "reports_to must be the name of another agent definition" })
    .optional()
    .describe("The agent definition this one reports to; every agent but the supervisor reports to someone."),
  description: z.string({ error: "description must be a string" }).optional().describe("What this agent does."),
  capabilities: stringList.optional().describe("What the agent can do, such as write or review."),
  skills: stringList.optional().describe("Tools and knowledge the agent brings."),
  config: freeFormConfig.optional().describe("Settings for this agent, over the cluster's config."),
  executor: executorSchema.optional().describe("Who does this agent's work; overrides cluster.config.executor."),
  concurrency: concurrencySchema.optional().describe("Tasks one agent runs at once; default 1, at most 64."),
});

export const blueprintSchema = z.strictObject(
  {
    metadata: metadataSchema,
    cluster: clusterSettingsSchema,
    agents: z
      .array(agentDefinitionSchema, { error: "agents must be a list of agent definitions" })
      .min(1, { error: "agents must list at least one agent definition" }),
  },
  { error: "a blueprint must be a mapping with metadata, cluster and agents" },
);

export type Blueprint = z.infer<typeof blueprintSchema>;
export type BlueprintInput = z.input<typeof blueprintSchema>;
export type AgentDefinition = z.infer<typeof agentDefinitionSchema>;
export type AgentRole = (typeof AGENT_ROLES)[number];
export type ClusterType = (typeof CLUSTER_TYPES)[number];

/** The JSON Schema of the format, for the editor (what an author may type, before defaults). */
export function blueprintJsonSchema() {
  return z.toJSONSchema(blueprintSchema, { io: "input", unrepresentable: "any" });
}
