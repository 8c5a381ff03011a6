"use client";
// A cluster's Tasks tab: its tasks newest first, filtered by status, definition and capability and
// paged, all kept in the address with the open task (`?tab=tasks&status=queued&task=<id>`), so a
// reload or a shared link shows the same. Operators submit tasks here; viewers only read.
import { useMemo, useState } from "react";
import { agentNamesById } from "@/components/cluster-hierarchy/build-hierarchy-graph";
import { useHasRole } from "@/components/shell/current-user";
import { primaryButtonClass } from "@/components/ui/control-classes";
import { FilterSelect, ResultCount } from "@/components/ui/list-filters";
import { Pager } from "@/components/ui/pager";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { oneOf, pageFrom, useUrlFilters } from "@/components/ui/use-url-filters";
import { useClusterHierarchy } from "@/lib/client/cluster-hooks";
import { useClusterTasks } from "@/lib/client/task-hooks";
import type { ClusterView } from "@/lib/cluster/api-schema";
import { TASK_STATUSES } from "@/lib/tasks/task-status";
import { SubmitTaskDialog } from "./submit-task-dialog";
import { TaskDrawer } from "./task-drawer";
import { TaskTable } from "./task-table";
import { useTaskRoutes } from "./use-task-routes";

const FILTER_KEYS = ["status", "definition", "capability", "page", "task"] as const;

/** The choices with the address's value kept, so a link naming one the blueprint lacks still shows it. */
function withCurrent(options: readonly string[], current: string): string[] {
  return current === "" || options.includes(current) ? [...options] : [...options, current];
}

export function TasksPanel({ cluster }: { cluster: ClusterView }) {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const status = oneOf(TASK_STATUSES, filters.status);
  const page = pageFrom(filters.page);
  const tasks = useClusterTasks(cluster.id, {
    status: status || undefined,
    definition: filters.definition || undefined,
    capability: filters.capability || undefined,
    page,
  });
  const routes = useTaskRoutes(cluster);
  const hierarchy = useClusterHierarchy(cluster.id).data;
  const agentNames = useMemo(() => (hierarchy ? agentNamesById(hierarchy) : new Map<string, string>()), [hierarchy]);
  const canOperate = useHasRole("operator");
  const [submitting, setSubmitting] = useState(false);
  const filtered = Boolean(status || filters.definition || filters.capability);
  const openTask = (taskId: string) => setFilters({ task: taskId });

  return (
    <section aria-labelledby="tasks-heading" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          Tasks
        </h2>
        <FilterSelect label="Status" value={status} options={TASK_STATUSES} onChange={(value) => setFilters({ status: value, page: "" })} />
        <FilterSelect
          label="Definition"
          value={filters.definition}
          options={withCurrent(routes?.definitions.map((definition) => definition.name) ?? [], filters.definition)}
          onChange={(value) => setFilters({ definition: value, page: "" })}
        />
        <FilterSelect
          label="Capability"
          value={filters.capability}
          options={withCurrent(routes?.capabilities ?? [], filters.capability)}
          onChange={(value) => setFilters({ capability: value, page: "" })}
        />
        {tasks.data ? <ResultCount total={tasks.data.total} one="task" many="tasks" /> : null}
        {canOperate ? (
          <button type="button" className={`ml-auto ${primaryButtonClass}`} onClick={() => setSubmitting(true)}>
            Submit task
          </button>
        ) : null}
      </div>

      {tasks.data === undefined ? (
        tasks.isError ? (
          <ErrorPanel title="The tasks could not be loaded" error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <LoadingPanel label="Loading the tasks…" />
        )
      ) : tasks.data.items.length === 0 ? (
        filtered ? (
          <EmptyPanel title="No task matches these filters">Pick another status, definition or capability.</EmptyPanel>
        ) : (
          <EmptyPanel title="No tasks yet">
            Tasks submitted to this cluster, from here, a script or another agent, appear here as the agents take them.
            {canOperate ? (
              <div className="mt-4">
                <button type="button" className={primaryButtonClass} onClick={() => setSubmitting(true)}>
                  Submit the first task
                </button>
              </div>
            ) : null}
          </EmptyPanel>
        )
      ) : (
        <>
          {/* A failed refresh keeps the page it had, and says so. */}
          {tasks.isError ? (
            <ErrorPanel title="The tasks could not be refreshed" error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : null}
          <TaskTable tasks={tasks.data.items} agentNames={agentNames} onOpen={openTask} />
          <Pager
            page={page}
            pageSize={tasks.data.page_size}
            total={tasks.data.total}
            onPage={(next) => setFilters({ page: String(next) })}
          />
        </>
      )}

      {canOperate ? (
        <SubmitTaskDialog
          open={submitting}
          cluster={cluster}
          routes={routes}
          onClose={() => setSubmitting(false)}
          onSubmitted={(task) => {
            setSubmitting(false);
            openTask(task.id);
          }}
        />
      ) : null}
      <TaskDrawer
        taskId={filters.task === "" ? null : filters.task}
        agentNames={agentNames}
        canOperate={canOperate}
        onClose={() => setFilters({ task: "" })}
      />
    </section>
  );
}
