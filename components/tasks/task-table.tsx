"use client";
// One page of a cluster's tasks: what each is, its status, the agent on it, where it may run, how
// long it ran and how many attempts it took. The task's id opens its details.
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { TaskView } from "@/lib/tasks/api-schema";
import { describeRouting, describeTaskDuration, previewValue } from "./task-format";
import { TaskStatusBadge } from "./task-status-badge";
import { useNow } from "./use-now";

const COLUMNS = ["Task", "Status", "Agent", "Runs on", "Duration", "Attempts", "Created"];

export function TaskTable({
  tasks,
  agentNames,
  onOpen,
}: {
  tasks: readonly TaskView[];
  /** Names of the cluster's agents, to name the agent instead of showing its id. */
  agentNames: ReadonlyMap<string, string>;
  onOpen: (taskId: string) => void;
}) {
  const now = useNow(
    1000,
    tasks.some((task) => task.status === "running"),
  );
  return (
    <DataTable label="Tasks" columns={COLUMNS}>
      {tasks.map((task) => (
        <tr key={task.id} className="hover:bg-slate-50" data-testid={`task-row-${task.id}`}>
          <td className="px-4 py-2">
            <button
              type="button"
              onClick={() => onOpen(task.id)}
              // A label rather than hidden text: an absolutely placed sr-only span in a scrolling table widens the page.
              aria-label={`${task.id.slice(0, 8)}, show details`}
              className="font-mono text-sm font-medium text-brand hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
            >
              {task.id.slice(0, 8)}
            </button>
            <div className="max-w-xs truncate text-xs text-slate-600">{previewValue(task.input)}</div>
          </td>
          <td className="px-4 py-2">
            <TaskStatusBadge status={task.status} />
          </td>
          <td className="px-4 py-2 text-slate-700">{agentLabel(task.agent_id, agentNames)}</td>
          <td className="px-4 py-2 text-slate-700">{describeRouting(task)}</td>
          <td className="px-4 py-2 whitespace-nowrap tabular-nums">{describeTaskDuration(task, now)}</td>
          <td className="px-4 py-2 tabular-nums" title="attempts counted / most allowed">
            {task.attempt_count} / {task.max_attempts}
          </td>
          <td className="px-4 py-2 whitespace-nowrap text-slate-600">
            <LocalTime iso={task.created_at} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The agent's name when the cluster still runs it, else its id shortened; "none" while no agent has taken the task. */
export function agentLabel(agentId: string | null, agentNames: ReadonlyMap<string, string>): string {
  if (agentId === null) return "none";
  return agentNames.get(agentId) ?? agentId.replace(/^agent-/, "").slice(0, 8);
}
