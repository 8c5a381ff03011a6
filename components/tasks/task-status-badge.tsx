// A task's status as it reads everywhere: a word and a symbol beside the color, never color alone.
import type { TaskStatus } from "@/lib/tasks/task-status";

const STATUS_LOOK: Record<TaskStatus, { symbol: string; className: string }> = {
  queued: { symbol: "◷", className: "bg-slate-100 text-slate-800" },
  running: { symbol: "▶", className: "bg-sky-100 text-sky-900" },
  succeeded: { symbol: "✓", className: "bg-emerald-100 text-emerald-900" },
  // Failed and waiting for its next attempt: not final, so amber rather than red.
  failed: { symbol: "↻", className: "bg-amber-100 text-amber-900" },
  dead: { symbol: "✕", className: "bg-red-100 text-red-900" },
  cancelled: { symbol: "⊘", className: "bg-slate-200 text-slate-700" },
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span
      data-testid="task-status"
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${look.className}`}
    >
      <span aria-hidden>{look.symbol}</span>
      {status}
    </span>
  );
}
