// The rules a submitted task must meet beyond its fields' types and ranges (spec/tasks.md,
// "Routing" and "The task"): some agent of the cluster's blueprint could run it, and its input and
// metadata fit their limits. Every problem of a batch is found at once, each at its field's path.
import type { Blueprint } from "@/lib/blueprint/schema";
import type { ProblemFieldError } from "@/lib/shapes/problem";
import { MAX_INPUT_BYTES, MAX_METADATA_BYTES, type TaskRequest } from "./api-schema";

/** A task request with its input and metadata already written as the JSON the row keeps. */
export interface EncodedTaskRequest {
  request: TaskRequest;
  inputJson: string;
  metadataJson: string | null;
  /** Where the task sits in the request body: "" for a single task, "tasks[3]." in a batch. */
  pathPrefix: string;
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;
const listed = (names: readonly string[]) => (names.length > 0 ? names.join(", ") : "none");

export function encodeTaskRequests(requests: readonly TaskRequest[], single: boolean): EncodedTaskRequest[] {
  return requests.map((request, index) => ({
    request,
    inputJson: JSON.stringify(request.input),
    metadataJson: request.metadata === undefined ? null : JSON.stringify(request.metadata),
    pathPrefix: single ? "" : `tasks[${index}].`,
  }));
}

export function findTaskRequestProblems(tasks: readonly EncodedTaskRequest[], blueprint: Blueprint): ProblemFieldError[] {
  const definitions = blueprint.agents.map((agent) => agent.name);
  const capabilities = [...new Set(blueprint.agents.flatMap((agent) => agent.capabilities ?? []))].sort();
  const workers = blueprint.agents.filter((agent) => agent.role === "worker").map((agent) => agent.name);
  return tasks.flatMap(({ request, inputJson, metadataJson, pathPrefix }) => {
    const problems: ProblemFieldError[] = [];
    const at = (field: string, message: string) => problems.push({ path: `${pathPrefix}${field}`, message });
    const inputBytes = Buffer.byteLength(inputJson);
    if (inputBytes > MAX_INPUT_BYTES) at("input", `is ${kib(inputBytes)}; at most ${kib(MAX_INPUT_BYTES)} is allowed`);
    if (metadataJson !== null && Buffer.byteLength(metadataJson) > MAX_METADATA_BYTES)
      at("metadata", `is ${kib(Buffer.byteLength(metadataJson))}; at most ${kib(MAX_METADATA_BYTES)} is allowed`);
    const definition = request.definition === undefined ? undefined : blueprint.agents.find((agent) => agent.name === request.definition);
    if (request.definition !== undefined && !definition)
      at("definition", `no agent definition "${request.definition}" in the cluster's blueprint; it defines: ${listed(definitions)}`);
    if (request.capability !== undefined && !capabilities.includes(request.capability))
      at("capability", `no agent of the cluster's blueprint lists "${request.capability}"; the capabilities are: ${listed(capabilities)}`);
    else if (request.capability !== undefined && definition && !(definition.capabilities ?? []).includes(request.capability))
      at("capability", `"${definition.name}" does not list "${request.capability}"; it lists: ${listed(definition.capabilities ?? [])}`);
    if (request.definition === undefined && request.capability === undefined && workers.length === 0)
      at(
        "definition",
        `the cluster's blueprint has no workers to run a task without a definition or capability; name one of: ${listed(definitions)}`,
      );
    return problems;
  });
}
