"use client";
// Submit a task (operators): the input as a text prompt or as JSON (checked before it is sent),
// the definition or capability that must run it, picked from the cluster's blueprint, and its
// priority, timeout and attempts. A refusal is shown beside the form and the text stays as typed.
// A submission sent again with the same body reuses its Idempotency-Key, so a retry after a lost
// answer creates no second task.
import { useId, useRef, useState } from "react";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/control-classes";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { FormAlert } from "@/components/ui/status-panels";
import { ApiError } from "@/lib/client/api-client";
import { refusalMessage } from "@/lib/client/cluster-mutations";
import { useSubmitTask } from "@/lib/client/task-hooks";
import type { ClusterView } from "@/lib/cluster/api-schema";
import type { TaskView } from "@/lib/tasks/api-schema";
import { capabilitiesFor, EMPTY_TASK_DRAFT, type InputKind, type TaskDraft, type TaskRoutes, toTaskRequest } from "./task-format";

const KIND_OPTIONS = [
  { value: "text", label: "Text" },
  { value: "json", label: "JSON" },
] as const;

const KIND_HINT: Record<InputKind, string> = {
  text: "A plain text prompt, sent as one string.",
  json: 'Any JSON value: an object, a list, a number, or a string in quotes, such as {"topic": "launch"}.',
};

export function SubmitTaskDialog({
  open,
  cluster,
  routes,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  cluster: ClusterView;
  /** Undefined while the blueprint loads: the pickers then offer "any" only. */
  routes: TaskRoutes | undefined;
  onClose: () => void;
  onSubmitted: (task: TaskView) => void;
}) {
  return (
    <ModalDialog open={open} title="Submit a task" onClose={onClose}>
      {open ? <SubmitTaskForm cluster={cluster} routes={routes} onClose={onClose} onSubmitted={onSubmitted} /> : null}
    </ModalDialog>
  );
}

/** 128 random bits as hex: crypto.randomUUID needs a secure context, which a console on a LAN address is not. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function SubmitTaskForm({
  cluster,
  routes,
  onClose,
  onSubmitted,
}: {
  cluster: ClusterView;
  routes: TaskRoutes | undefined;
  onClose: () => void;
  onSubmitted: (task: TaskView) => void;
}) {
  const submit = useSubmitTask(cluster.id);
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_TASK_DRAFT);
  const [problems, setProblems] = useState<string[]>([]);
  const lastSent = useRef<{ body: string; key: string } | null>(null);
  const hintId = useId();
  const inputId = useId();
  const change = (changes: Partial<TaskDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setProblems([]);
  };
  const capabilities = routes ? capabilitiesFor(routes, draft.definition) : [];

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = toTaskRequest(draft);
        if (!checked.ok) return setProblems(checked.problems);
        const body = JSON.stringify(checked.request);
        const key = lastSent.current?.body === body ? lastSent.current.key : newIdempotencyKey();
        lastSent.current = { body, key };
        submit.mutate(
          { task: checked.request, idempotencyKey: key },
          { onSuccess: onSubmitted, onError: (error) => setProblems(refusalLines(error)) },
        );
      }}
    >
      <SegmentedControl label="Input as" value={draft.kind} options={KIND_OPTIONS} onChange={(kind) => change({ kind })} />
      {/* A label beside the text area, not around it: the area's text would otherwise count as part of its label. */}
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium">
          Input
        </label>
        <textarea
          id={inputId}
          data-autofocus
          rows={8}
          value={draft.text}
          onChange={(event) => change({ text: event.target.value })}
          aria-invalid={problems.length > 0}
          aria-describedby={hintId}
          spellCheck={draft.kind === "text"}
          className={`${inputClass} ${draft.kind === "json" ? "font-mono" : ""}`}
        />
      </div>
      <p id={hintId} className="-mt-2 text-xs text-slate-600">
        {KIND_HINT[draft.kind]}
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Definition
          <select
            className={inputClass}
            value={draft.definition}
            onChange={(event) => {
              const definition = event.target.value;
              const kept = routes && capabilitiesFor(routes, definition).includes(draft.capability) ? draft.capability : "";
              change({ definition, capability: kept });
            }}
          >
            <option value="">any</option>
            {routes?.definitions.map((definition) => (
              <option key={definition.name} value={definition.name}>
                {definition.name} ({definition.role})
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Capability
          <select className={inputClass} value={draft.capability} onChange={(event) => change({ capability: event.target.value })}>
            <option value="">any</option>
            {capabilities.map((capability) => (
              <option key={capability}>{capability}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="-mt-2 text-xs text-slate-600">
        {routes === undefined
          ? "Loading the blueprint's definitions and capabilities…"
          : "Without a definition or capability, any worker may run the task."}
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <label className="block text-sm font-medium">
          Priority (0-9)
          <input
            type="number"
            min={0}
            max={9}
            placeholder="5"
            className={inputClass}
            value={draft.priority}
            onChange={(event) => change({ priority: event.target.value })}
          />
        </label>
        <label className="block text-sm font-medium">
          Timeout (seconds)
          <input
            type="number"
            min={1}
            placeholder="300"
            className={inputClass}
            value={draft.timeoutS}
            onChange={(event) => change({ timeoutS: event.target.value })}
          />
        </label>
        <label className="block text-sm font-medium">
          Max attempts
          <input
            type="number"
            min={1}
            max={20}
            placeholder="3"
            className={inputClass}
            value={draft.maxAttempts}
            onChange={(event) => change({ maxAttempts: event.target.value })}
          />
        </label>
      </div>
      {problems.length > 0 ? (
        <FormAlert>
          {problems.length === 1 ? (
            problems[0]
          ) : (
            <span className="block space-y-1">
              {problems.map((problem) => (
                <span key={problem} className="block">
                  {problem}
                </span>
              ))}
            </span>
          )}
        </FormAlert>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass} disabled={submit.isPending}>
          {submit.isPending ? "Submitting…" : "Submit task"}
        </button>
      </div>
    </form>
  );
}

/** A refusal's lines: each field the server named, else its one message. */
function refusalLines(error: Error): string[] {
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (fields.length === 0) return [refusalMessage(error)];
  return fields.map((field) =>
    field.path === "" || field.message.includes(field.path) ? field.message : `${field.path}: ${field.message}`,
  );
}
