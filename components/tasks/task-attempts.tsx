// A task's attempts, oldest first: which agent, when, how it ended and why, the executor's own
// reference for the work (an A2A task id) and the facts it reported (token usage).
import { LocalTime } from "@/components/ui/local-time";
import type { TaskAttemptView } from "@/lib/tasks/api-schema";
import { formatDuration } from "./task-format";
import { agentLabel } from "./task-table";
import { ValueBlock } from "./value-block";

const OUTCOME_TONE: Record<TaskAttemptView["outcome"], string> = {
  running: "text-sky-800",
  succeeded: "text-emerald-800",
  failed: "text-red-800",
  lost: "text-amber-800",
  cancelled: "text-slate-700",
};

export function TaskAttempts({ attempts, agentNames }: { attempts: readonly TaskAttemptView[]; agentNames: ReadonlyMap<string, string> }) {
  return (
    <section aria-labelledby="task-attempts-heading" className="space-y-2">
      <h3 id="task-attempts-heading" className="text-xs tracking-wide text-slate-500 uppercase">
        Attempts
      </h3>
      {attempts.length === 0 ? (
        <p className="text-slate-600">None yet: no agent has taken the task.</p>
      ) : (
        <ol aria-label="Attempts" className="space-y-3">
          {attempts.map((attempt) => (
            <li key={attempt.number} className="space-y-1 rounded-md border border-slate-200 p-3" data-testid={`attempt-${attempt.number}`}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">Attempt {attempt.number}</span>
                <span className={`font-medium ${OUTCOME_TONE[attempt.outcome]}`}>{attempt.outcome}</span>
                <span className="text-slate-600">on {agentLabel(attempt.agent_id, agentNames)}</span>
              </p>
              <p className="text-xs text-slate-600">
                <LocalTime iso={attempt.started_at} />
                {attempt.ended_at ? <> for {formatDuration(Date.parse(attempt.ended_at) - Date.parse(attempt.started_at))}</> : null}
              </p>
              {attempt.error ? (
                <p className="text-red-800">
                  <span className="font-medium">{attempt.error.type}:</span> {attempt.error.message}
                </p>
              ) : null}
              {attempt.refused_outcome ? (
                <p className="text-amber-900">
                  The agent reported &ldquo;{attempt.refused_outcome}&rdquo; after it had lost the task; that was refused, so the task did
                  not complete twice.
                </p>
              ) : null}
              {attempt.executor_ref ? (
                <p className="text-xs">
                  Executor reference <span className="font-mono break-all">{attempt.executor_ref}</span>
                </p>
              ) : null}
              {attempt.facts ? (
                <div className="text-xs">
                  Executor facts
                  <ValueBlock value={attempt.facts} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
