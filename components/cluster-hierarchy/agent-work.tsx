// What an agent is doing: busy with how many tasks and which one it started last, or idle. Shared
// by the hierarchy's cards and details panel and the agents table.
import Link from "next/link";
import type { AgentView } from "@/lib/cluster/api-schema";

/** How many tasks an agent runs, in words; a symbol as well as the color, never color alone. */
export function BusyMarker({ runningTasks }: { runningTasks: number }) {
  return (
    <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1 font-medium whitespace-nowrap text-amber-900">
      <span aria-hidden>▶</span>
      busy · {runningTasks} {runningTasks === 1 ? "task" : "tasks"}
    </span>
  );
}

/** The address of one task on its cluster's Tasks tab. */
export function taskHref(clusterId: string, taskId: string): string {
  return `/clusters/${encodeURIComponent(clusterId)}?tab=tasks&task=${encodeURIComponent(taskId)}`;
}

/** Busy with its current task, idle, or nothing for an agent that is not running. */
export function AgentWork({ agent }: { agent: Pick<AgentView, "cluster_id" | "status" | "running_tasks" | "current_task_id"> }) {
  if (agent.running_tasks === 0) return <span className="text-slate-600">{agent.status === "active" ? "idle" : "not running"}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <BusyMarker runningTasks={agent.running_tasks} />
      {agent.current_task_id === null ? null : (
        <Link
          href={taskHref(agent.cluster_id, agent.current_task_id)}
          // A label rather than hidden text: an absolutely placed sr-only span in a scrolling table widens the page.
          aria-label={`Current task ${agent.current_task_id.slice(0, 8)}`}
          title={`Current task ${agent.current_task_id}`}
          className="font-mono text-brand hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        >
          {agent.current_task_id.slice(0, 8)}
        </Link>
      )}
    </span>
  );
}
