// How a task reads on screen, and what the submit dialog may send: its input parsed from text or
// JSON, its duration, where it may run, and the definitions and capabilities the cluster's
// blueprint offers. Pure, so it is tested without React.
import type { AgentRole, Blueprint } from "@/lib/blueprint/schema";
import { MAX_INPUT_BYTES, type TaskRequest, taskRequestSchema, type TaskView } from "@/lib/tasks/api-schema";

export const INPUT_KINDS = ["text", "json"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export type ParsedInput = { ok: true; value: unknown } | { ok: false; message: string };

/** The input as the API takes it: text as one string (a plain prompt), JSON as the value it writes. */
export function parseTaskInput(kind: InputKind, text: string): ParsedInput {
  if (text.trim() === "")
    return { ok: false, message: kind === "text" ? "Write the prompt for the task." : "Write the task's input as JSON." };
  let value: unknown = text;
  if (kind === "json") {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: `This is not valid JSON: ${(error as SyntaxError).message}` };
    }
  }
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > MAX_INPUT_BYTES)
    return { ok: false, message: `The input is ${formatKiB(bytes)}; a task takes at most ${formatKiB(MAX_INPUT_BYTES)}.` };
  return { ok: true, value };
}

function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** A value as the text a <pre> shows: a string as it is (a prompt, a model's reply), anything else as indented JSON. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** The input on one line, cut to `max` characters, for a table row. */
export function previewValue(value: unknown, max = 60): string {
  const line = (typeof value === "string" ? value : (JSON.stringify(value) ?? String(value))).replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "850 ms", "12.3 s", "4 min 5 s", "5 min", "2 h 3 min", "1 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  const [large, small] =
    seconds < 3600
      ? [`${Math.floor(seconds / 60)} min`, seconds % 60 ? `${seconds % 60} s` : ""]
      : [`${Math.floor(seconds / 3600)} h`, Math.floor((seconds % 3600) / 60) ? `${Math.floor((seconds % 3600) / 60)} min` : ""];
  return small ? `${large} ${small}` : large;
}

/** The duration in words: "not started", "1.2 s", "3.0 s so far", or "see attempts" while it waits to retry. */
export function describeTaskDuration(task: Pick<TaskView, "status" | "started_at" | "finished_at">, now: number): string {
  if (task.started_at === null) return "not started";
  const duration = taskDuration(task, now);
  if (duration === null) return "see attempts";
  return `${formatDuration(duration.ms)}${duration.ongoing ? " so far" : ""}`;
}

export interface TaskDuration {
  ms: number;
  /** Still running: the duration so far. */
  ongoing: boolean;
}

/** How long the latest attempt ran (or has run so far); null when the view cannot say (not started, or waiting to retry). */
export function taskDuration(task: Pick<TaskView, "status" | "started_at" | "finished_at">, now: number): TaskDuration | null {
  if (task.started_at === null) return null;
  const started = Date.parse(task.started_at);
  if (task.status === "running") return { ms: now - started, ongoing: true };
  if (task.finished_at === null) return null;
  return { ms: Date.parse(task.finished_at) - started, ongoing: false };
}

/** Which agents may run the task, in words. */
export function describeRouting(task: Pick<TaskView, "definition" | "capability">): string {
  if (task.definition !== null && task.capability !== null) return `${task.definition} with ${task.capability}`;
  if (task.definition !== null) return task.definition;
  if (task.capability !== null) return `any agent with ${task.capability}`;
  return "any worker";
}

export interface RoutableDefinition {
  name: string;
  role: AgentRole;
  capabilities: string[];
}

export interface TaskRoutes {
  definitions: RoutableDefinition[];
  /** Every capability some definition lists, sorted, each once. */
  capabilities: string[];
}

/** The definitions and capabilities a task may name: exactly those of the cluster's blueprint, as the API checks. */
export function taskRoutesOf(blueprint: Pick<Blueprint, "agents">): TaskRoutes {
  const definitions = blueprint.agents.map((agent) => ({ name: agent.name, role: agent.role, capabilities: agent.capabilities ?? [] }));
  const capabilities = [...new Set(definitions.flatMap((definition) => definition.capabilities))].sort((a, b) => a.localeCompare(b));
  return { definitions, capabilities };
}

/** The capabilities worth offering once a definition is chosen: its own; all of them without one. */
export function capabilitiesFor(routes: TaskRoutes, definition: string): string[] {
  if (definition === "") return routes.capabilities;
  return routes.definitions.find((candidate) => candidate.name === definition)?.capabilities ?? [];
}

/** The submit dialog's fields as typed; empty numbers fall back to the API's defaults. */
export interface TaskDraft {
  kind: InputKind;
  text: string;
  definition: string;
  capability: string;
  priority: string;
  timeoutS: string;
  maxAttempts: string;
}

export const EMPTY_TASK_DRAFT: TaskDraft = {
  kind: "text",
  text: "",
  definition: "",
  capability: "",
  priority: "",
  timeoutS: "",
  maxAttempts: "",
};

export type DraftCheck = { ok: true; request: TaskRequest } | { ok: false; problems: string[] };

/** The request a draft makes, checked by the API's own schema, so the dialog refuses in the API's words. */
export function toTaskRequest(draft: TaskDraft): DraftCheck {
  const input = parseTaskInput(draft.kind, draft.text);
  if (!input.ok) return { ok: false, problems: [input.message] };
  const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
  const parsed = taskRequestSchema.safeParse({
    input: input.value,
    definition: draft.definition || undefined,
    capability: draft.capability || undefined,
    priority: number(draft.priority),
    timeout_s: number(draft.timeoutS),
    max_attempts: number(draft.maxAttempts),
  });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  return { ok: true, request: parsed.data };
}
