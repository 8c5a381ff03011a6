"use client";
// One task beside its list: status and routing, its input, result and error, each attempt with the
// executor's reference and facts; cancel (asked first) and retry for operators. Every value the
// task carries is data from outside (a prompt, a model's answer), so it is shown as text in <pre>,
// never as markup.
import { useState } from "react";
import { buttonClass, dangerButtonClass, primaryButtonClass } from "@/components/ui/control-classes";
import { Fact } from "@/components/ui/fact";
import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ApiError } from "@/lib/client/api-client";
import { useCancelTask, useRetryTask, useTask } from "@/lib/client/task-hooks";
import type { TaskDetailView } from "@/lib/tasks/api-schema";
import { isFinalTaskStatus } from "@/lib/tasks/task-status";
import { ValueBlock } from "./value-block";
import { TaskAttempts } from "./task-attempts";
import { describeRouting, describeTaskDuration, formatDuration } from "./task-format";
import { TaskStatusBadge } from "./task-status-badge";
import { agentLabel } from "./task-table";
import { useNow } from "./use-now";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";

/** Open while `taskId` is set; closing it hands the focus back to where it was (the row that opened it). */
export function TaskDrawer({
  taskId,
  agentNames,
  canOperate,
  onClose,
}: {
  taskId: string | null;
  agentNames: ReadonlyMap<string, string>;
  canOperate: boolean;
  onClose: () => void;
}) {
  return (
    <ModalDialog open={taskId !== null} placement="side" title={taskId === null ? "Task" : `Task ${taskId.slice(0, 8)}`} onClose={onClose}>
      {taskId === null ? null : <LoadedTask taskId={taskId} agentNames={agentNames} canOperate={canOperate} />}
    </ModalDialog>
  );
}

function LoadedTask({ taskId, agentNames, canOperate }: { taskId: string; agentNames: ReadonlyMap<string, string>; canOperate: boolean }) {
  const task = useTask(taskId);
  if (task.data !== undefined) return <TaskDetails task={task.data} agentNames={agentNames} canOperate={canOperate} />;
  if (task.error instanceof ApiError && task.error.status === 404) {
    return <EmptyPanel title="There is no such task">It may have been removed with its cluster.</EmptyPanel>;
  }
  if (task.isError) return <ErrorPanel title="The task could not be loaded" error={task.error} onRetry={() => void task.refetch()} />;
  return <LoadingPanel label="Loading the task…" />;
}

function TaskDetails({
  task,
  agentNames,
  canOperate,
}: {
  task: TaskDetailView;
  agentNames: ReadonlyMap<string, string>;
  canOperate: boolean;
}) {
  const now = useNow(1000, task.status === "running");
  return (
    <div tabIndex={-1} data-autofocus className="space-y-5 text-sm focus:outline-none" data-testid="task-details">
      <div className="flex flex-wrap items-center gap-3">
        <TaskStatusBadge status={task.status} />
        {canOperate ? <TaskActions task={task} /> : null}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <Fact term="Agent">{agentLabel(task.agent_id, agentNames)}</Fact>
        <Fact term="Runs on">{describeRouting(task)}</Fact>
        <Fact term="Duration">{describeTaskDuration(task, now)}</Fact>
        <Fact term="Attempts">
          {task.attempt_count} of at most {task.max_attempts}
        </Fact>
        <Fact term="Priority">{task.priority}</Fact>
        <Fact term="Timeout">{formatDuration(task.timeout_s * 1000)} per attempt</Fact>
        <Fact term="Created">
          <LocalTime iso={task.created_at} />
          {task.created_by ? <span className="text-slate-500"> by {task.created_by}</span> : null}
        </Fact>
        <Fact term="Finished">{task.finished_at ? <LocalTime iso={task.finished_at} /> : "not yet"}</Fact>
        {task.status === "failed" && task.next_attempt_at ? (
          <Fact term="Next attempt">
            <LocalTime iso={task.next_attempt_at} />
          </Fact>
        ) : null}
        {task.parent_task_id ? (
          <Fact term="Created by task">
            <span className="font-mono text-xs break-all">{task.parent_task_id}</span>
          </Fact>
        ) : null}
      </dl>
      <dl className="space-y-4">
        <Fact term="Task ID">
          <span className="font-mono text-xs break-all">{task.id}</span>
        </Fact>
        <Fact term="Input">
          <ValueBlock value={task.input} />
        </Fact>
        <Fact term="Result">{task.status === "succeeded" ? <ValueBlock value={task.result} /> : "none yet"}</Fact>
        {task.error ? (
          <Fact term="Error">
            <p className="font-medium text-red-800">{task.error.type}</p>
            <ValueBlock value={task.error.message} />
          </Fact>
        ) : null}
        {task.metadata ? (
          <Fact term="Metadata">
            <ValueBlock value={task.metadata} />
          </Fact>
        ) : null}
      </dl>
      <TaskAttempts attempts={task.attempts} agentNames={agentNames} />
    </div>
  );
}

/** Cancel while the task may still run (asked first: the agent on it is stopped); retry once it is dead or cancelled. */
function TaskActions({ task }: { task: TaskDetailView }) {
  const cancel = useCancelTask();
  const retry = useRetryTask();
  const [confirming, setConfirming] = useState(false);
  if (task.status === "dead" || task.status === "cancelled") {
    return (
      <button type="button" className={primaryButtonClass} disabled={retry.isPending} onClick={() => retry.mutate(task)}>
        {retry.isPending ? "Queueing…" : "Retry"}
      </button>
    );
  }
  if (isFinalTaskStatus(task.status)) return null;
  if (!confirming) {
    return (
      <button type="button" className={buttonClass} onClick={() => setConfirming(true)}>
        Cancel task
      </button>
    );
  }
  return (
    <div role="group" aria-label="Cancel this task?" className="w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="text-red-900">
        Cancel this task? {task.status === "running" ? "The agent running it is told to stop; " : ""}it will not run again unless someone
        retries it.
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
          Keep it
        </button>
        <button
          type="button"
          className={dangerButtonClass}
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(task, { onSettled: () => setConfirming(false) })}
        >
          {cancel.isPending ? "Cancelling…" : "Yes, cancel it"}
        </button>
      </div>
    </div>
  );
}
